import fs from 'node:fs'

/**
 * The XSS payloads of payloads.json: well-known attacks by category, each calling a detector
 * (alert, confirm, prompt, print, `__xss`, or a fetch of an `xss-marker` URL) when it runs.
 * `$N` in a payload is its number, so a detector that fires says which payload ran.
 */
export interface Payload {
  id: number
  category: string
  payload: string
}

export function loadPayloads(): Payload[] {
  const file = new URL('./payloads.json', import.meta.url)
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as { category: string; payload: string }[]
  return list.map(({ category, payload }, id) => ({
    id,
    category,
    payload: payload.replaceAll('$N', String(id)),
  }))
}
