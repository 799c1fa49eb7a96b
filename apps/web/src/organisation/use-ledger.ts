import { useCallback } from 'react'
import { getLedger } from '../api/ledger.ts'
import { useApi } from '../api/use-api.ts'

/** The coalition's ledger: every action, ask and decision of its meetings. */
export function useLedger(coalitionId: string) {
  const load = useCallback((signal: AbortSignal) => getLedger(coalitionId, signal), [coalitionId])
  return useApi(load)
}
