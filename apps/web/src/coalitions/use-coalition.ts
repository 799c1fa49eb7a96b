import { useCallback } from 'react'
import { getCoalition } from '../api/coalitions.ts'
import { useApi } from '../api/use-api.ts'

/** The coalition, its organisations and the signed-in person's membership of it. */
export function useCoalition(coalitionId: string) {
  const load = useCallback(
    (signal: AbortSignal) => getCoalition(coalitionId, signal),
    [coalitionId],
  )
  return useApi(load)
}
