// The contract of `extract()`, as packages/minutes/STRUCTURE.md specifies it.

export interface ExtractOrganisation {
  id: string
  name: string
  shortName: string
  aliases: string[]
}

export interface ExtractPerson {
  id: string
  name: string
  organisationId: string
}

export interface ExtractContext {
  /** YYYY-MM-DD: relative dates are resolved against it. */
  meetingDate: string
  organisations: ExtractOrganisation[]
  /** The coalition's members, each with the organisation they speak for. */
  people: ExtractPerson[]
  /** The coalition's name: it and its acronym stand for everyone ("the TAC will…"). */
  coalitionName?: string
  /**
   * The date of the coalition's next meeting, where one is planned (YYYY-MM-DD): "by the next
   * meeting" resolves to it when the minutes give no date of their own.
   */
  nextMeetingDate?: string | null
  /** Keys of dismissed suggestions. */
  dismissed?: readonly string[]
}

export interface Source {
  /** ProseMirror positions in `doc` of the text the item came from. */
  from: number
  to: number
  text: string
}

export interface Owners {
  /** Organisation ids, or ['ALL']. */
  owners: string[]
  /** Names that looked like an owner but match no organisation (flagged, never dropped). */
  unknownOwners: string[]
}

export type Origin = 'explicit' | 'suggested'
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'dropped'
export type AskStatus = 'proposed' | 'agreed' | 'sent'

export interface ExtractedAction extends Owners {
  /** Explicit: the node id; suggestion: a stable hash of its normalised text. */
  key: string
  origin: Origin
  text: string
  /**
   * Explicit actions: the owners were read from the node's words, not set on it – a proposal
   * every surface shows as such until someone confirms it. Always false for suggestions.
   */
  ownersProposed: boolean
  /** The same for the due date. */
  dueProposed: boolean
  /** Person id. */
  assignee: string | null
  /** ISO date. */
  due: string | null
  /** The date words as written. */
  dueText: string | null
  /** Date words that did not resolve: kept as text and flagged. */
  dueUnparsed: boolean
  status: ActionStatus
  /** The meeting id an explicit action was carried from; null otherwise. */
  carriedFrom: string | null
  /** How sure the reading is, 0 to 1; 1 for explicit nodes. See `STRONG`. */
  confidence: number
  source: Source
  reason: string
}

export interface ExtractedAsk {
  key: string
  origin: Origin
  text: string
  target: string | null
  /** Organisation ids. */
  supporters: string[]
  unknownSupporters: string[]
  status: AskStatus
  /** How sure the reading is, 0 to 1; 1 for explicit nodes. */
  confidence: number
  source: Source
  reason: string
}

export interface ExtractedDecision {
  key: string
  origin: Origin
  text: string
  /** How sure the reading is, 0 to 1; 1 for explicit nodes. */
  confidence: number
  source: Source
  reason: string
}

export interface Extraction {
  actions: ExtractedAction[]
  asks: ExtractedAsk[]
  decisions: ExtractedDecision[]
}

/** The special owner of an action the whole coalition owes. */
export const ALL = 'ALL'

/**
 * Suggestions at least this sure are strong: highlighted as such, and what "Accept all"
 * creates. Weaker ones are shown for a person to judge, one by one.
 */
export const STRONG = 0.6
