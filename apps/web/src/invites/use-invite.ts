import { useCallback } from 'react'
import { previewInvite } from '../api/invites.ts'
import { useApi } from '../api/use-api.ts'

/** What an invite link offers, as anyone holding it may see. */
export function useInvite(token: string) {
  const load = useCallback((signal: AbortSignal) => previewInvite(token, signal), [token])
  return useApi(load)
}
