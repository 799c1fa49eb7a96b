import {
  ledgerActionSchema,
  ledgerAskSchema,
  ledgerSchema,
  type ActionPatch,
  type Ledger,
  type LedgerAction,
  type LedgerAsk,
  type AskPatch,
} from '@accord/minutes/ledger'
import { z } from 'zod'
import { request, segment } from './request.ts'

const actionBodySchema = z.object({ action: ledgerActionSchema })
const askBodySchema = z.object({ ask: ledgerAskSchema })

const coalitionPath = (coalitionId: string) => `/api/coalitions/${segment(coalitionId)}`

/** Every action, ask and decision of the coalition's meetings. */
export function getLedger(coalitionId: string, signal?: AbortSignal): Promise<Ledger> {
  return request(`${coalitionPath(coalitionId)}/ledger`, ledgerSchema, { signal })
}

/** Changes an action; the server writes it into the minutes of every draft meeting holding it. */
export function patchAction(
  coalitionId: string,
  key: string,
  patch: ActionPatch,
): Promise<LedgerAction> {
  return request(`${coalitionPath(coalitionId)}/actions/${segment(key)}`, actionBodySchema, {
    method: 'PATCH',
    body: patch,
  }).then((body) => body.action)
}

export function patchAsk(coalitionId: string, key: string, patch: AskPatch): Promise<LedgerAsk> {
  return request(`${coalitionPath(coalitionId)}/asks/${segment(key)}`, askBodySchema, {
    method: 'PATCH',
    body: patch,
  }).then((body) => body.ask)
}

/** Backs the ask for the signed-in person's own organisation, or takes that backing back. */
export function setEndorsement(
  coalitionId: string,
  key: string,
  endorse: boolean,
): Promise<LedgerAsk> {
  return request(`${coalitionPath(coalitionId)}/asks/${segment(key)}/endorsement`, askBodySchema, {
    method: endorse ? 'POST' : 'DELETE',
  }).then((body) => body.ask)
}
