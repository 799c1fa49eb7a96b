/** Side by side: Accord against the better of the peers that ran, for any measure. */

export const ACCORD = 'accord'

/**
 * The peer (any server but Accord) with the best value of a measure, by `better`; null when no
 * peer has a value.
 */
export function bestPeer<R extends { server: string }>(
  rows: readonly R[],
  value: (row: R) => number | null | undefined,
  better: 'lower' | 'higher',
): { server: string; value: number } | null {
  let best: { server: string; value: number } | null = null
  for (const row of rows) {
    const v = value(row)
    if (row.server === ACCORD || v == null || !Number.isFinite(v)) continue
    if (!best || (better === 'lower' ? v < best.value : v > best.value)) {
      best = { server: row.server, value: v }
    }
  }
  return best
}

/** `value / of`, or null when either is missing or `of` is 0. */
export function ratio(value: number | null | undefined, of: number | null | undefined) {
  return value == null || of == null || of === 0 ? null : value / of
}

/** "0.42 ×", or "–". */
export function times(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '–' : `${value.toFixed(2)} ×`
}
