/**
 * The coalition's ledger: every action, ask and decision of every meeting, read from the stored
 * projection (see structure.ts) and merged across meetings. The answer of
 * `GET /api/coalitions/:cid/ledger`, which the tracker, organisation and asks pages read, and the
 * input of every export. Its own subpath, `@accord/minutes/ledger`, free of the editor schema.
 *
 * An action carried into a later meeting ("Matters arising") keeps its id, so it is one entry
 * here however many meetings hold it; its fields are those of the copy changed last.
 */
import { z } from 'zod'
import { meetingStatusSchema } from './meeting.ts'
import { actionStatusSchema, askStatusSchema } from './structure.ts'

export const ledgerMeetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** YYYY-MM-DD */
  date: z.string(),
  /** Approved minutes are read-only until a chair reopens them. */
  status: meetingStatusSchema,
})

export const ledgerOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
})

export const ledgerPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisationId: z.string().nullable(),
})

export const ledgerActionSchema = z.object({
  /** The action node's id: the same in every meeting it was carried into. */
  key: z.string(),
  text: z.string(),
  /** Organisation ids, or `['ALL']` for every organisation of the coalition. */
  owners: z.array(z.string()),
  /** Names written as owners that match no organisation. */
  unknownOwners: z.array(z.string()),
  /** A person id. */
  assignee: z.string().nullable(),
  /** YYYY-MM-DD */
  due: z.string().nullable(),
  /** The date words as written in the minutes. */
  dueText: z.string().nullable(),
  /**
   * The owners (and assignee) were read from the action's words, not set on its node: a
   * proposal, shown "SP (proposed)" until someone confirms it (see structure.ts). Missing in
   * ledgers from before these fields, which parse as false; optional in the type too, so a
   * ledger built by hand (tests, fixtures) need not name it.
   */
  ownersProposed: z.boolean().default(false).optional(),
  /** The due date (or its words) were read from the action's words: a proposal, like owners. */
  dueProposed: z.boolean().default(false).optional(),
  status: actionStatusSchema,
  /** The meeting where it was first minuted. */
  raisedIn: z.string(),
  /** The meeting whose copy is current: the one changed last. */
  heldIn: z.string(),
  /** Every meeting that holds it, oldest first. */
  meetingIds: z.array(z.string()),
  /** The meeting the current copy was carried from, if it was carried. */
  carriedFrom: z.string().nullable(),
  /** The sentence in the minutes, as written where it is held. */
  sourceText: z.string(),
  /** ISO time of the last change to the current copy. */
  updatedAt: z.string(),
  /** False when every meeting that holds it is approved: nothing can change it there. */
  editable: z.boolean(),
})

export const endorsementSchema = z.object({
  organisationId: z.string(),
  personId: z.string(),
  personName: z.string(),
  /** What they did: backed the ask, or took their backing back. */
  kind: z.enum(['endorse', 'withdraw']),
  /** ISO time */
  at: z.string(),
})

export const ledgerAskSchema = z.object({
  /** The ask node's id. */
  key: z.string(),
  meetingId: z.string(),
  text: z.string(),
  /** Who is asked, e.g. "HM Treasury". */
  target: z.string().nullable(),
  /**
   * Organisation ids the minutes name as backing it. The meeting's record, written by whoever
   * took the minutes: not every one of them endorsed it (see `endorsedBy`).
   */
  supporters: z.array(z.string()),
  unknownSupporters: z.array(z.string()),
  status: askStatusSchema,
  /** Who endorsed or withdrew through Accord, and when, oldest first. */
  endorsements: z.array(endorsementSchema),
  /**
   * The supporters whose backing is on record: named in the minutes, and the last thing their
   * organisation did through Accord was to endorse the ask (not to withdraw). They, and only
   * they, sign the joint letter.
   */
  endorsedBy: z.array(z.string()),
  updatedAt: z.string(),
  editable: z.boolean(),
})

export const ledgerDecisionSchema = z.object({
  key: z.string(),
  meetingId: z.string(),
  text: z.string(),
})

export const ledgerSchema = z.object({
  coalition: z.object({ id: z.string(), name: z.string() }),
  organisations: z.array(ledgerOrganisationSchema),
  people: z.array(ledgerPersonSchema),
  /** Oldest first. */
  meetings: z.array(ledgerMeetingSchema),
  /** Explicit actions only (suggestions are not commitments until accepted), by meeting then position. */
  actions: z.array(ledgerActionSchema),
  asks: z.array(ledgerAskSchema),
  decisions: z.array(ledgerDecisionSchema),
  /** Suggested items not yet accepted or dismissed, per meeting id, for a nudge to review them. */
  pendingSuggestions: z.record(z.string(), z.number().int().min(0)),
})

/** What the tracker may change of an action; written into the action node of its meetings. */
export const actionPatchSchema = z
  .object({
    status: actionStatusSchema,
    owners: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an organisation id'))
      .max(100)
      .transform((ids) => [...new Set(ids)]),
    assignee: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a person id')
      .nullable(),
    due: z.iso.date({ message: 'due must be a calendar date as YYYY-MM-DD' }).nullable(),
    /**
     * The date words to keep with `due` ("Friday"), as confirming a proposed date writes them;
     * without it a new date drops the old words. Only with `due`, which it must not contradict.
     */
    dueText: z.string().trim().min(1).max(200).nullable(),
  })
  .partial()
  .strict()
  .refine(
    (patch) => Object.keys(patch).length > 0,
    'give at least one of status, owners, assignee, due',
  )
  .refine((patch) => patch.dueText === undefined || patch.due !== undefined, {
    message: 'dueText is given with due, the date it stands for (null when it reads as none)',
    path: ['dueText'],
  })

export const askPatchSchema = z.object({ status: askStatusSchema }).strict()

export type LedgerMeeting = z.infer<typeof ledgerMeetingSchema>
export type LedgerOrganisation = z.infer<typeof ledgerOrganisationSchema>
export type LedgerPerson = z.infer<typeof ledgerPersonSchema>
export type LedgerAction = z.infer<typeof ledgerActionSchema>
export type Endorsement = z.infer<typeof endorsementSchema>
export type LedgerAsk = z.infer<typeof ledgerAskSchema>
export type LedgerDecision = z.infer<typeof ledgerDecisionSchema>
export type Ledger = z.infer<typeof ledgerSchema>
export type ActionPatch = z.infer<typeof actionPatchSchema>
export type AskPatch = z.infer<typeof askPatchSchema>

/** True when the action is the organisation's to do: named as an owner, or owed by everyone. */
export function isOwnedBy(action: Pick<LedgerAction, 'owners'>, organisationId: string): boolean {
  return action.owners.includes(organisationId) || action.owners.includes('ALL')
}

/** Open or in progress, and due before `today` (YYYY-MM-DD). */
export function isOverdue(action: Pick<LedgerAction, 'status' | 'due'>, today: string): boolean {
  return (
    (action.status === 'open' || action.status === 'in_progress') &&
    action.due !== null &&
    action.due < today
  )
}

/** Still to be done: open or in progress. */
export const isOutstanding = (action: Pick<LedgerAction, 'status'>) =>
  action.status === 'open' || action.status === 'in_progress'
