import { expect } from 'vitest'
import type { ApiAnswer } from './accord-client.ts'

/** The one error shape of the API, `{ error: { code, message } }`, with this status and code. */
export function expectErrorShape(answer: ApiAnswer, status: number, code: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status)
  expect(Object.keys(answer.body as object)).toEqual(['error'])
  const { error } = answer.body as { error: Record<string, unknown> }
  expect(Object.keys(error).sort()).toEqual(['code', 'message'])
  expect(error.code).toBe(code)
  expect(typeof error.message).toBe('string')
  expect((error.message as string).length).toBeGreaterThan(0)
}
