import { parseIsoDate } from '../dates/calendar.ts'
import type { ExplicitBlock } from './read/blocks.ts'
import { suggestionKey } from './keys.ts'
import type { OwnerMatcher } from './owners/matcher.ts'
import type {
  ActionStatus,
  AskStatus,
  ExtractedAction,
  ExtractedAsk,
  ExtractedDecision,
  Source,
} from './types.ts'

/** The items the minutes hold as actionItem, ask and decision nodes, read from their attrs. */
export interface ExplicitItems {
  actions: ExtractedAction[]
  asks: ExtractedAsk[]
  decisions: ExtractedDecision[]
}

const ACTION_STATUSES = new Set<ActionStatus>(['open', 'in_progress', 'done', 'dropped'])
const ASK_STATUSES = new Set<AskStatus>(['proposed', 'agreed', 'sent'])
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** What an action node's own words say of its owners and date, for the attributes it lacks. */
export interface Proposal {
  owners: string[]
  unknownOwners: string[]
  assignee: string | null
  due: string | null
  dueText: string | null
}

export function explicitItems(
  blocks: readonly ExplicitBlock[],
  matcher: OwnerMatcher,
  propose: (block: ExplicitBlock) => Proposal | undefined = () => undefined,
): ExplicitItems {
  const items: ExplicitItems = { actions: [], asks: [], decisions: [] }
  for (const block of blocks) {
    const attrs = block.node.attrs as Record<string, unknown>
    const text = block.text.trim()
    const source: Source = { from: block.from, to: block.to, text: block.text }
    const key =
      str(attrs.id) ?? `explicit-${suggestionKey(kind(block.type), `${block.from}:${text}`)}`
    switch (block.type) {
      case 'actionItem': {
        const due = str(attrs.due)
        const dueText = str(attrs.dueText)
        const validDue = due !== null && ISO_DATE.test(due) && parseIsoDate(due) ? due : null
        const set = strings(attrs.owners)
        const proposal =
          set.length === 0 || (dueText === null && validDue === null) ? propose(block) : undefined
        const owners =
          set.length > 0
            ? set
            : proposal?.owners.length
              ? proposal.owners
              : ownersOf(block, matcher)
        const dueProposed = dueText === null && validDue === null && proposal?.dueText != null
        items.actions.push({
          key,
          origin: 'explicit',
          text,
          owners,
          unknownOwners:
            set.length === 0 && owners.length === 0 ? (proposal?.unknownOwners ?? []) : [],
          ownersProposed: set.length === 0 && owners.length > 0,
          assignee: str(attrs.assignee) ?? (set.length === 0 ? (proposal?.assignee ?? null) : null),
          due: dueProposed ? proposal!.due : validDue,
          dueText: dueProposed ? proposal!.dueText : dueText,
          dueProposed,
          dueUnparsed: dueProposed ? proposal!.due === null : dueText !== null && validDue === null,
          status: ACTION_STATUSES.has(attrs.status as ActionStatus)
            ? (attrs.status as ActionStatus)
            : 'open',
          carriedFrom: str(attrs.carriedFrom),
          confidence: 1,
          source,
          reason: 'explicit action node',
        })
        break
      }
      case 'ask':
        items.asks.push({
          key,
          origin: 'explicit',
          text,
          target: str(attrs.target),
          supporters: strings(attrs.supporters),
          unknownSupporters: [],
          status: ASK_STATUSES.has(attrs.status as AskStatus)
            ? (attrs.status as AskStatus)
            : 'proposed',
          confidence: 1,
          source,
          reason: 'explicit ask node',
        })
        break
      case 'decision':
        items.decisions.push({
          key,
          origin: 'explicit',
          text,
          confidence: 1,
          source,
          reason: 'explicit decision node',
        })
        break
    }
  }
  return items
}

function kind(type: ExplicitBlock['type']): 'action' | 'ask' | 'decision' {
  return type === 'actionItem' ? 'action' : type
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/**
 * Where neither the node nor its sentence names an owner: whoever its text mentions or names.
 * "/action Draft the letter with @FPCT" is FPCT's before anyone picks an owner.
 */
function ownersOf(block: ExplicitBlock, matcher: OwnerMatcher): string[] {
  const mentioned: string[] = []
  block.node.descendants((child) => {
    const id = child.type.name === 'organisationMention' ? str(child.attrs.id) : null
    if (id && !mentioned.includes(id)) mentioned.push(id)
  })
  if (mentioned.length > 0) return mentioned
  const named = matcher.entities(block.text).flatMap((entity) => entity.organisationIds)
  return [...new Set(named)]
}
