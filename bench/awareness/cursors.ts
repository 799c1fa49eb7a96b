import * as Y from 'yjs'
import type { Cursor } from './params.ts'

/**
 * The text the cursors move through: one client writes it before anyone moves, so every cursor
 * is a real relative position into the shared document, the size editors send.
 */
export const SEED_TEXT = Array.from(
  { length: 40 },
  (_, i) =>
    `${i + 1}. The coalition agreed that each organisation reports on its actions before the ` +
    'next meeting, and that the chair circulates the draft minutes within a week.\n',
).join('')

/** A colour per client, `#rrggbb`: the one field of `user` Accord keeps from the client. */
export function colourOf(client: number): string {
  return `#${(((client + 1) * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(-6)}`
}

/**
 * One person's cursor: mostly small steps (arrow keys, typing), sometimes a click elsewhere,
 * sometimes a selection. Seeded per client, so every run makes the same moves.
 */
export class CursorWalk {
  private position: number
  private seq = 0
  private readonly random: () => number

  constructor(
    client: number,
    private readonly text: Y.Text,
  ) {
    this.random = mulberry32(client + 1)
    this.position = Math.floor(this.random() * text.length)
  }

  next(): Cursor {
    const length = this.text.length
    const r = this.random()
    if (r < 0.2) this.position = Math.floor(this.random() * length)
    else this.position += Math.floor(this.random() * 41) - 20
    this.position = Math.min(length, Math.max(0, this.position))
    const head =
      this.random() < 0.25
        ? Math.min(length, this.position + 1 + Math.floor(this.random() * 40))
        : this.position
    return {
      anchor: this.relative(this.position),
      head: this.relative(head),
      seq: this.seq++,
    }
  }

  /**
   * As y-prosemirror and y-codemirror share a cursor: Y.relativePositionToJSON, which holds a
   * Yjs ID instance; a receiver gets plain JSON, so the bench keeps the plain JSON to compare.
   */
  private relative(index: number): unknown {
    const position = Y.createRelativePositionFromTypeIndex(this.text, index)
    return JSON.parse(JSON.stringify(Y.relativePositionToJSON(position))) as unknown
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
