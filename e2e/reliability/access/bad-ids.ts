import { rawRequest, serverFrames, type RawAnswer } from './raw-http.ts'
import type { World } from './world.ts'

/**
 * Meeting ids an attacker would put in a URL, as they go on the wire: path traversal in every
 * encoding (plain, percent, double percent, overlong UTF-8, backslashes), NUL and other control
 * bytes, Unicode look-alikes, overlong ids, and detours to another coalition's meeting. Ids are
 * 1–64 characters of [A-Za-z0-9_-] (packages/coalition/src/ids.ts); none of these is one.
 */
function badIds(draft: string, other: string): string[] {
  const percentEncoded = (id: string) =>
    [...id].map((ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`).join('')
  const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1')
  const fullwidth = [...draft]
    .map((ch) => (/[A-Za-z0-9]/.test(ch) ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch))
    .join('')
  return [
    // Traversal, plain and encoded.
    '..',
    '.',
    '%2e%2e',
    '%2E%2E',
    '.%2e',
    '%2e.',
    '%252e%252e',
    '%252E%252E%252F',
    '..%2F',
    '..%2f..%2f..%2fetc%2fpasswd',
    '%2e%2e%2f%2e%2e%2fapi',
    '..%5C..%5C',
    '..\\..\\',
    '%C0%AE%C0%AE',
    '..;',
    // Traversal towards another coalition's meeting, and towards files.
    `..%2F${other}`,
    `${draft}%2F..%2F${other}`,
    `${draft}%2F%2E%2E%2F${other}`,
    `../${other}`,
    `${draft}/../${other}`,
    `%2e%2e/${other}`,
    '../../../etc/passwd',
    // Another coalition's meeting, every character percent-encoded.
    percentEncoded(other),
    // NUL and other control bytes, encoded and raw.
    '%00',
    `${draft}%00`,
    `${draft}%00.md`,
    `%00${draft}`,
    `${draft}%2500`,
    `${draft}\u0000`,
    `${draft}%0A`,
    `${draft}%0d%0aX-Injected:%201`,
    // Separators and padding.
    '%2F',
    `${draft}%20`,
    `${draft};`,
    `${draft}%3B`,
    // Unicode: right-to-left override, full-width look-alike (encoded and raw), combining mark.
    `%E2%80%AE${draft}`,
    percentEncodedUtf8(fullwidth),
    utf8(fullwidth),
    `${draft}%CC%81`,
    utf8('é'),
    // Too long: one character over the limit, and far over it.
    'A'.repeat(65),
    'A'.repeat(4000),
  ]
}

function percentEncodedUtf8(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('')
}

export interface IdProbeResult {
  route: string
  id: string
  refused: boolean
  outcome: string
}

const ROUTES: { name: string; method: string; path: (id: string) => string; body?: string }[] = [
  { name: 'upgrade /sync/:id', method: 'GET', path: (id) => `/sync/${id}` },
  { name: 'GET /api/meetings/:id', method: 'GET', path: (id) => `/api/meetings/${id}` },
  { name: 'GET export.md', method: 'GET', path: (id) => `/api/meetings/${id}/export.md` },
  {
    name: 'PATCH /api/meetings/:id',
    method: 'PATCH',
    path: (id) => `/api/meetings/${id}`,
    body: JSON.stringify({ title: 'Renamed through a bad id' }),
  },
  {
    name: 'POST approve',
    method: 'POST',
    path: (id) => `/api/meetings/${id}/approve`,
    body: '{}',
  },
]

/**
 * Every bad id on every route that takes one, as coalition A's chair (who may read and write
 * everything of A, and nothing of B). Refused means a 4xx, or on the socket a close with 4404
 * and not one frame of a room; and in either case none of `forbidden` (the minutes' secrets) in
 * the answer.
 */
export async function badIdProbes(world: World, forbidden: string[]): Promise<IdProbeResult[]> {
  const ids = badIds(world.documents.draft.id, world.documents["B's"].id)
  const cookie = world.people.chair.cookie!
  const results: IdProbeResult[] = []
  for (const route of ROUTES) {
    const answers = await Promise.all(
      ids.map((id) =>
        rawRequest(world.server.port, {
          method: route.method,
          target: route.path(id),
          upgrade: route.name.startsWith('upgrade'),
          headers: [
            ['Cookie', cookie],
            ...(route.body ? ([['Content-Type', 'application/json']] as [string, string][]) : []),
          ],
          ...(route.body ? { body: route.body } : {}),
          lingerMs: 500,
        }),
      ),
    )
    answers.forEach((answer, index) => {
      results.push({
        route: route.name,
        id: JSON.stringify(ids[index]),
        ...judge(answer, forbidden),
      })
    })
  }
  return results
}

function judge(answer: RawAnswer, forbidden: string[]): { refused: boolean; outcome: string } {
  const leaked = forbidden.filter((secret) => answer.raw.includes(secret))
  if (leaked.length > 0) return { refused: false, outcome: `${answer.status}, leaked ${leaked}` }
  if (answer.status >= 400 && answer.status < 500)
    return { refused: true, outcome: `${answer.status}` }
  if (answer.status === 101) {
    const frames = serverFrames(answer.rest)
    const close = frames.find((frame) => frame.kind === 'close')
    const roomFrames = frames.filter((frame) => frame.kind === 'binary').length
    const outcome = `101, close ${close?.kind === 'close' ? close.code : 'none'}, ${roomFrames} room frames`
    return { refused: close?.kind === 'close' && close.code === 4404 && roomFrames === 0, outcome }
  }
  return { refused: false, outcome: `${answer.status}` }
}
