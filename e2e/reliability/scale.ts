import fs from 'node:fs'

/**
 * Each reliability test has a short form, run by `npm test`, and a long form, run by
 * `npm run test:long` (which sets ACCORD_LONG=1); the long forms' figures stand in the
 * README's "Reliability" table.
 */
export const LONG = process.env.ACCORD_LONG === '1'

/** The short form's value under `npm test`, the long form's under `npm run test:long`. */
export function scaled<T>(short: T, long: T): T {
  return LONG ? long : short
}

/** What one reliability test did: the columns of the README's table. */
export interface ReliabilityFigures {
  test: string
  runs: number
  faults: number
  /** Edits, frames, payloads or decisions checked: what the test counts, named in `checked`. */
  checked: number
  /** What `checked` counts, e.g. "acknowledged edits". */
  unit: string
  losses: number
  /** Anything else worth a line in the table: seeds, p99s, peak memory. */
  notes?: string
}

/**
 * Prints the figures, and appends them as one JSON line to $ACCORD_RELIABILITY_OUT when set,
 * which is how the README's table is filled from a `npm run test:long` run.
 */
export function report(figures: ReliabilityFigures): void {
  const line = JSON.stringify({ ...figures, long: LONG, at: new Date().toISOString() })
  console.log(`reliability: ${line}`)
  const out = process.env.ACCORD_RELIABILITY_OUT
  if (out) fs.appendFileSync(out, `${line}\n`)
}
