import type { LedgerAction } from '@accord/minutes/ledger'
import { startTransition, useCallback, useEffect } from 'react'
import { getLedger } from '../api/ledger.ts'
import { useApi } from '../api/use-api.ts'

/** How often an open page asks for the ledger again while the tab is visible. */
export const LEDGER_REFRESH_MS = 30_000

/**
 * The coalition's ledger, kept close to the minutes: loaded again whenever the window regains
 * focus or the tab becomes visible, and every 30 seconds while it is visible, so changes made
 * in a meeting's editor, or by others on these pages, show without a reload. A refresh keeps
 * what is on screen until the new ledger arrives. The tracker, organisation and asks pages use it.
 *
 * `actionSaved` puts an action the server answered a change with into the ledger (as a
 * transition, so a control's optimistic value hands over to it without flicker), then reads the
 * whole ledger again: the change may have moved counts, charts and other meetings' copies.
 */
export function useLedger(coalitionId: string) {
  const load = useCallback((signal: AbortSignal) => getLedger(coalitionId, signal), [coalitionId])
  const loaded = useApi(load)
  const { refresh, update } = loaded

  useEffect(() => {
    const visible = () => document.visibilityState === 'visible'
    const onVisibility = () => {
      if (visible()) refresh()
    }
    const timer = window.setInterval(onVisibility, LEDGER_REFRESH_MS)
    window.addEventListener('focus', refresh)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('focus', refresh)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [refresh])

  const actionSaved = useCallback(
    (action: LedgerAction) => {
      startTransition(() =>
        update((ledger) => ({
          ...ledger,
          actions: ledger.actions.map((known) => (known.key === action.key ? action : known)),
        })),
      )
      refresh()
    },
    [update, refresh],
  )

  return { state: loaded.state, retry: loaded.retry, update, actionSaved }
}
