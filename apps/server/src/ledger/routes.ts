import { Hono, type Context } from 'hono'
import type { RoomServer } from '@accord/sync'
import {
  actionPatchSchema,
  askPatchSchema,
  type ActionPatch,
  type Ledger,
} from '@accord/minutes/ledger'
import { ALL_OWNERS } from '@accord/minutes/structure'
import { coalitionAccess, requirePermission, type Access } from '../coalitions/access.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { parseBody } from '../http/parse-body.ts'
import type { Storage } from '../storage/storage.ts'
import { editActionNodes, setAskStatus, setSupporter } from './document-edits.ts'
import type { MergedLedger } from './merge-ledger.ts'
import { readLedger, readMergedLedger } from './read-ledger.ts'
import { writeToDrafts } from './write-back.ts'

export interface LedgerRoutesDependencies {
  storage: Storage
  rooms: RoomServer
  /**
   * Stores the meeting's structure from its document as it is now, resolving once stored, so
   * the answer to a change already shows it (the projector would otherwise catch up ~300 ms
   * later).
   */
  projectNow: (meetingId: string) => Promise<void>
}

const notFound = (kind: string, key: string) =>
  new ApiError(404, 'not_found', `There is no ${kind} with key "${key}" in this coalition.`)

const invalid = (message: string) => new ApiError(400, 'invalid_request', message)

/**
 * Mounted at /api/coalitions/:cid: the ledger, and changes to actions and asks. Every change is
 * written into the minutes of each draft meeting holding the item (see write-back.ts), where
 * anyone with them open sees it live; the ledger follows from the minutes, never the reverse.
 */
export function ledgerRoutes(deps: LedgerRoutesDependencies) {
  const { storage, projectNow } = deps

  const access = (c: Context<AppEnv>) =>
    coalitionAccess(c, storage.coalitions, c.req.param('cid') ?? '')

  /**
   * The ledger once the changed meetings are projected again. The change is stored whatever
   * happens here: a projection that fails (logged) is caught up by the projector, and the
   * answer is then a little behind rather than an error for a change that was made.
   */
  const afterWriting = async ({ membership }: Access, changed: readonly string[]) => {
    for (const meetingId of changed) await projectNow(meetingId).catch(() => undefined)
    return readLedger(storage, membership.coalitionId)
  }

  const findAsk = (ledger: Ledger, key: string) => {
    const ask = ledger.asks.find((item) => item.key === key)
    if (!ask) throw notFound('ask', key)
    return ask
  }

  /** Every meeting holding the ask: its copies are changed together, like an action's. */
  const meetingsHoldingAsk = ({ ledger, askMeetings }: MergedLedger, key: string) => {
    findAsk(ledger, key)
    return askMeetings.get(key) ?? []
  }

  /** Endorses (or withdraws) the ask for the caller's own organisation, and records who did. */
  const endorsement = async (c: Context<AppEnv>, kind: 'endorse' | 'withdraw') => {
    const caller = await access(c)
    requirePermission(caller, 'editMinutes', 'endorse asks for your organisation')
    const { organisationId, coalitionId } = caller.membership
    if (!organisationId) {
      throw new ApiError(
        409,
        'no_organisation',
        'You belong to no organisation of this coalition, so there is nobody to endorse for.',
      )
    }
    const key = c.req.param('key') ?? ''
    const merged = await readMergedLedger(storage, coalitionId)
    const meetingIds = meetingsHoldingAsk(merged, key)
    const ask = findAsk(merged.ledger, key)
    const changed = await writeToDrafts(deps, meetingIds, 'ask', (doc) =>
      setSupporter(doc, key, organisationId, kind === 'endorse'),
    )
    // The minutes may already name the organisation (whoever took them heard it back the ask):
    // its own word is still recorded, though the minutes stay as they are. The letter needs it.
    const standing = ask.endorsements.findLast((e) => e.organisationId === organisationId)?.kind
    if (changed.length > 0 || (standing === 'endorse') !== (kind === 'endorse')) {
      await storage.endorsements.recordEndorsement({
        meetingId: changed[0] ?? ask.meetingId,
        askKey: key,
        organisationId,
        personId: caller.person.id,
        kind,
        at: new Date().toISOString(),
      })
    }
    return c.json({ ask: findAsk(await afterWriting(caller, changed), key) })
  }

  return new Hono<AppEnv>()
    .get('/ledger', async (c) => {
      const { membership } = await access(c)
      return c.json(await readLedger(storage, membership.coalitionId))
    })
    .patch('/actions/:key', async (c) => {
      const caller = await access(c)
      requirePermission(caller, 'editMinutes', 'change actions')
      const patch = await parseBody(c, actionPatchSchema)
      const key = c.req.param('key')
      const ledger = await readLedger(storage, caller.membership.coalitionId)
      const action = ledger.actions.find((item) => item.key === key)
      if (!action) throw notFound('action', key)
      checkPatch(patch, ledger)
      const changed = await writeToDrafts(deps, action.meetingIds, 'action', (doc) =>
        editActionNodes(doc, key, patch),
      )
      const fresh = (await afterWriting(caller, changed)).actions.find((item) => item.key === key)
      if (!fresh) throw notFound('action', key)
      return c.json({ action: fresh })
    })
    .patch('/asks/:key', async (c) => {
      const caller = await access(c)
      requirePermission(caller, 'manageMeetings', 'move asks along')
      const { status } = await parseBody(c, askPatchSchema)
      const key = c.req.param('key')
      const merged = await readMergedLedger(storage, caller.membership.coalitionId)
      const meetingIds = meetingsHoldingAsk(merged, key)
      const changed = await writeToDrafts(deps, meetingIds, 'ask', (doc) =>
        setAskStatus(doc, key, status),
      )
      return c.json({ ask: findAsk(await afterWriting(caller, changed), key) })
    })
    .post('/asks/:key/endorsement', (c) => endorsement(c, 'endorse'))
    .delete('/asks/:key/endorsement', (c) => endorsement(c, 'withdraw'))
}

/** Owners are the coalition's organisations or everyone; the assignee is one of its people. */
function checkPatch(patch: ActionPatch, ledger: Ledger): void {
  if (patch.owners) {
    if (patch.owners.includes(ALL_OWNERS)) {
      if (patch.owners.length > 1) {
        throw invalid(`owners: "${ALL_OWNERS}" means every organisation; give it alone.`)
      }
    } else {
      const known = new Set(ledger.organisations.map((organisation) => organisation.id))
      const unknown = patch.owners.filter((id) => !known.has(id))
      if (unknown.length > 0) {
        throw invalid(`owners: not organisations of this coalition: ${unknown.join(', ')}`)
      }
    }
  }
  if (patch.assignee && !ledger.people.some((person) => person.id === patch.assignee)) {
    throw invalid(`assignee: "${patch.assignee}" is not a member of this coalition.`)
  }
}
