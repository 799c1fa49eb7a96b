import type { Client } from '@accord/sync/testing'
import { waitFor } from '@accord/sync/testing'

/**
 * One person types, one character every `paceMs`, and the others in the meeting see each
 * character arrive: the latency of an edit is from the typist's keystroke to its arrival in one
 * reader's document, so each edit gives one sample per reader. Everyone is in this process, on
 * one clock.
 */
export async function timeEdits(
  typist: Client,
  readers: Client[],
  edits: number,
  paceMs: number,
): Promise<number[]> {
  const start = typist.text.length
  const typedAt: number[] = []
  const samples: number[] = []
  const stops = readers.map((reader) => {
    // Characters arrive in order: each change moves this reader past one or more of them.
    let next = 0
    const observer = () => {
      const now = performance.now()
      while (
        next < edits &&
        reader.text.length >= start + next + 1 &&
        typedAt[next] !== undefined
      ) {
        samples.push(now - typedAt[next]!)
        next++
      }
    }
    reader.text.observe(observer)
    return { done: () => next === edits, stop: () => reader.text.unobserve(observer) }
  })
  try {
    for (let i = 0; i < edits; i++) {
      typedAt.push(performance.now())
      typist.text.insert(typist.text.length, String.fromCharCode(97 + (i % 26)))
      await new Promise((resolve) => setTimeout(resolve, paceMs))
    }
    await waitFor(() => stops.every((s) => s.done()), {
      timeout: 30_000,
      message: `every reader should receive all ${edits} edits`,
    })
  } finally {
    for (const s of stops) s.stop()
  }
  return samples
}

/** The value below which `fraction` of the samples lie (nearest rank). */
export function percentile(samples: number[], fraction: number): number {
  if (samples.length === 0) throw new Error('no samples to take a percentile of')
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!
}
