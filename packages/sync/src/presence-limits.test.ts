import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { AWARENESS_LIMITS, stampAwarenessUpdate } from './presence.ts'

function awarenessUpdate(entries: [id: number, clock: number, json: string][]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const [id, clock, json] of entries) {
    encoding.writeVarUint(encoder, id)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}

const stamp = (update: Uint8Array) => stampAwarenessUpdate(update, { name: 'Tom' }, () => true)

describe('awareness frame limits', () => {
  it('takes a cursor state nested as y-prosemirror nests it', () => {
    const cursor = '{"anchor":{"type":{"client":1,"clock":2},"tname":null,"item":null,"assoc":0}}'
    expect(() => stamp(awarenessUpdate([[1, 1, `{"cursor":${cursor}}`]]))).not.toThrow()
  })

  it('refuses more entries than a room has people, before reading any', () => {
    const entries = Array.from(
      { length: AWARENESS_LIMITS.entries + 1 },
      (_, i) => [i + 1, 1, '0'] as [number, number, string],
    )
    expect(() => stamp(awarenessUpdate(entries))).toThrow(/entries/)
  })

  it('refuses a state nested deeper than a cursor ever is, or larger than one', () => {
    const deep = '['.repeat(AWARENESS_LIMITS.depth + 1) + ']'.repeat(AWARENESS_LIMITS.depth + 1)
    expect(() => stamp(awarenessUpdate([[1, 1, deep]]))).toThrow(/deep/)
    const large = JSON.stringify({ note: 'x'.repeat(AWARENESS_LIMITS.stateBytes) })
    expect(() => stamp(awarenessUpdate([[1, 1, large]]))).toThrow(/bytes/)
  })
})
