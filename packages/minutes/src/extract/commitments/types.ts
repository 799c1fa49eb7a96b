import type { Owner } from '../owners/subject.ts'
import type { ReadBlock } from '../read/document.ts'
import type { Clause } from './clauses.ts'
import type { Cue } from './cues.ts'

/**
 * The commitments of a document's prose: a cue (cues.ts) with the one who owes it. The owner is
 * the cue's subject; with none, the one the layout names – a speaker ("Maya: will…"), an
 * "Action:" label or a trailing "(SP)", the organisation the section is about – or, where the
 * context makes it everyone's ("Action: vote on this", an agreed list, "Please…"), the whole
 * coalition. Each commitment carries a strength: how sure the reading is, 0 to 1, which the
 * suggestion carries as its `confidence`.
 */
export interface Commitment {
  block: ReadBlock
  clause: Clause
  cue: Cue
  owner: Owner
  /** Token index where the action's words end (the next commitment's subject, or the clause end). */
  end: number
  /** Token range of the subject (a passive's patient goes after its verb). */
  subject: [number, number] | null
  strength: number
  /** Why it was read as a commitment. */
  reason: string
  /** The block owes its action to an "Action:" label, an actions list or an agreed list. */
  context: 'action' | 'agreed' | null
  /** Date words given apart from the action: "Due: 5 May", "By: end of June". */
  dueText: string | null
}

export interface Turn {
  /** Who is speaking, from a "Name:" or "Name -" earlier in the block. */
  speaker: Owner | null
  /** Whose notes these are, from "Housing update - Joan Ashby" above them: "I", "we". */
  presenter: Owner | null
  /** The owner of the action this item is a step of. */
  inherited: Owner | null
  /** The clause's own label is its owner's, after a dash: "Ines - send …". */
  assigned: boolean
}
