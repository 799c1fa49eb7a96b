/**
 * The minutes a meeting's successor starts with (`POST /api/meetings/:id/next`): the previous
 * meeting's agenda, then "Matters arising" listing everything still outstanding across the
 * coalition, grouped by who owes it. Pure: ProseMirror JSON in, ProseMirror JSON out.
 *
 * A carried action keeps its id and attributes, so the ledger sees one action held in two
 * meetings (the copy changed last wins); `carriedFrom` names the meeting it was carried from.
 */
import type { MinutesContent } from '@accord/minutes'
import { isOutstanding, type Ledger, type LedgerAction } from '@accord/minutes/ledger'
import { ALL_MEMBERS } from '@accord/minutes/nodes'

type JSONContent = MinutesContent['json']

export const MATTERS_ARISING = 'Matters arising'
export const ALL_MEMBERS_HEADING = 'All members'
export const NO_OWNER_HEADING = 'No owner'

/** Headings deeper than this are detail within an item, not the agenda. */
const AGENDA_DEPTH = 3

export function nextMeetingMinutes(
  previous: JSONContent,
  ledger: Pick<Ledger, 'organisations' | 'actions' | 'meetings'>,
): JSONContent {
  const dates = new Map(ledger.meetings.map((meeting) => [meeting.id, meeting.date]))
  const mattersArising = ownerGroups(ledger).flatMap(({ title, actions }) => [
    heading(3, title),
    ...actions.map((action) => carriedAction(action, dates.get(action.raisedIn) ?? null)),
  ])
  return {
    type: 'doc',
    content: [...agenda(previous), heading(2, MATTERS_ARISING), ...mattersArising],
  }
}

/**
 * The previous meeting's top-level headings (levels 1–3) as plain text, in order. Its own
 * "Matters arising" section is left out, sub-headings and all: it is rebuilt from the ledger.
 */
export function agenda(previous: JSONContent): JSONContent[] {
  const headings: JSONContent[] = []
  /** The level of the "Matters arising" heading whose section is being skipped. */
  let skipping: number | undefined
  for (const block of previous.content ?? []) {
    if (block.type !== 'heading') continue
    const level = headingLevel(block)
    if (skipping !== undefined && level > skipping) continue
    skipping = undefined
    const text = plainText(block)
    if (isMattersArising(text)) skipping = level
    else if (level <= AGENDA_DEPTH && text !== '') headings.push(heading(level, text))
  }
  return headings
}

export interface OwnerGroup {
  title: string
  actions: LedgerAction[]
}

/**
 * The outstanding actions, grouped by owners: everyone's ("All members") first, then each
 * organisation's own in coalition order, then those shared by several (e.g. "ALC and FPCT"),
 * then those with no known owner. Within a group, in ledger order.
 */
export function ownerGroups({
  organisations,
  actions,
}: Pick<Ledger, 'organisations' | 'actions'>): OwnerGroup[] {
  const position = new Map(organisations.map((o, index) => [o.id, index]))
  const groups = new Map<string, { rank: number[]; title: string; actions: LedgerAction[] }>()
  for (const action of actions.filter(isOutstanding)) {
    const owners = action.owners.includes(ALL_MEMBERS)
      ? undefined
      : action.owners.filter((id) => position.has(id)).sort((a, b) => at(a) - at(b))
    const key = owners === undefined ? ALL_MEMBERS : owners.join(' ')
    let group = groups.get(key)
    if (!group) {
      group = { ...describe(owners), actions: [] }
      groups.set(key, group)
    }
    group.actions.push(action)
  }
  return [...groups.values()]
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .map(({ title, actions: grouped }) => ({ title, actions: grouped }))

  function at(id: string): number {
    return position.get(id) ?? Number.MAX_SAFE_INTEGER
  }

  function describe(owners: string[] | undefined): { rank: number[]; title: string } {
    if (owners === undefined) return { rank: [0], title: ALL_MEMBERS_HEADING }
    if (owners.length === 0) return { rank: [Number.MAX_SAFE_INTEGER], title: NO_OWNER_HEADING }
    const named = owners.map((id) => organisations[at(id)]!)
    // One organisation by its name; several by short names, which stay readable as a list.
    const title =
      named.length === 1
        ? named[0]!.name
        : listOf(named.map((organisation) => organisation.shortName))
    return { rank: [named.length, ...owners.map(at)], title }
  }
}

/**
 * The action as a node of the new minutes: same id and attributes, carried from where it is held.
 * Owners or a date the ledger has only as proposed (read from the words, never set on the node)
 * stay unset here too: writing them would confirm what nobody confirmed. The new node's words are
 * read again, so it shows a proposal, marked as one, until someone confirms it. The assignee goes
 * with the owners, as every surface proposes and confirms them together. `writtenOn`, the day of
 * the meeting where the words were written, keeps "by Friday" meaning that meeting's Friday.
 */
export function carriedAction(action: LedgerAction, writtenOn: string | null): JSONContent {
  const ownersSet = action.ownersProposed !== true
  const dueSet = action.dueProposed !== true
  return {
    type: 'actionItem',
    attrs: {
      id: action.key,
      owners: ownersSet ? action.owners : [],
      assignee: ownersSet ? action.assignee : null,
      due: dueSet ? action.due : null,
      dueText: dueSet ? action.dueText : null,
      status: action.status,
      carriedFrom: action.heldIn,
      writtenOn,
    },
    ...(action.text === '' ? {} : { content: [{ type: 'text', text: action.text }] }),
  }
}

function heading(level: number, text: string): JSONContent {
  return { type: 'heading', attrs: { level }, content: [{ type: 'text', text }] }
}

function headingLevel(block: JSONContent): number {
  const level: unknown = block.attrs?.level
  return typeof level === 'number' ? level : 1
}

/** A block's text without marks; a mention reads `@ALC`, a line break a space. */
function plainText(node: JSONContent): string {
  const parts: string[] = []
  const visit = (child: JSONContent) => {
    if (child.type === 'text') parts.push(child.text ?? '')
    else if (child.type === 'hardBreak') parts.push(' ')
    else if (child.type === 'organisationMention')
      parts.push(`@${String(child.attrs?.label ?? '')}`)
    for (const grandchild of child.content ?? []) visit(grandchild)
  }
  visit(node)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

function isMattersArising(text: string): boolean {
  return text.replace(/[:.]$/, '').trim().toLowerCase() === MATTERS_ARISING.toLowerCase()
}

/** "ALC", "ALC and FPCT", "ALC, FPCT and CNN". */
function listOf(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return a[i]! - b[i]!
  }
  return a.length - b.length
}
