import type { Node } from '@tiptap/pm/model'
import type { DueHints } from '../dates/resolve-due.ts'
import { resolveDue } from '../dates/resolve-due.ts'
import { walk, type Block, type ExplicitBlock } from './blocks.ts'
import type { Entity, OwnerMatcher } from './owners.ts'
import { sentences, type Span } from './sentences.ts'
import { headerRoles, inferRoles, splitCells, type Cell, type TableRow } from './tables.ts'

/** A block as the rules read it: its entities, sentences, section owner and table cells. */
export interface ReadBlock extends Block {
  index: number
  entities: Entity[]
  sentences: Span[]
  /** The organisations the section's heading names ("## ALC"). */
  sectionOrganisations: string[]
  /** Set when the block is a table row; `header` rows name columns and hold no content. */
  row: (TableRow & { header: boolean }) | null
}

export interface ReadDocument {
  blocks: ReadBlock[]
  explicit: ExplicitBlock[]
  hints: DueHints
}

const NEXT_MEETING = /\bnext\s+(?:call|meeting|session)\b/i
const OWNER_JOINERS = /^[\s,&/()]*(?:and[\s,&/()]*)*$/i

export function readDocument(doc: Node, matcher: OwnerMatcher, meetingDate: string): ReadDocument {
  const { blocks, explicit } = walk(doc, matcher.label)
  const headingOwners = new Map<number, string[]>()
  const read: ReadBlock[] = blocks.map((block, index) => {
    let owners = headingOwners.get(block.section.index)
    if (!owners) {
      owners = matcher.headingOrganisations(block.section.heading)
      headingOwners.set(block.section.index, owners)
    }
    return {
      ...block,
      index,
      entities: matcher.entities(block.text, block.mentions),
      sentences: block.kind === 'heading' ? [] : sentences(block.text),
      sectionOrganisations: owners,
      row: null,
    }
  })
  markTableRows(read, meetingDate)
  return { blocks: read, explicit, hints: { nextMeeting: nextMeetingDate(read, meetingDate) } }
}

/** "Next meeting: 26 November", "before the next call (18 March)": the first such date. */
function nextMeetingDate(blocks: ReadBlock[], meetingDate: string): string | null {
  for (const block of blocks) {
    const match = NEXT_MEETING.exec(block.text)
    if (!match) continue
    const { due } = resolveDue(block.text.slice(match.index), meetingDate)
    if (due && due > meetingDate) return due
  }
  return null
}

function markTableRows(blocks: ReadBlock[], meetingDate: string): void {
  let header: { roles: TableRow['roles']; section: number } | undefined
  for (const block of blocks) {
    if (block.kind !== 'paragraph') {
      header = undefined
      continue
    }
    const cells = splitCells(block.text)
    const tests = {
      isOwners: (cell: Cell) => isOwnerCell(block.entities, cell),
      isDate: (cell: Cell) => resolveDue(cell.text, meetingDate).dueText !== null,
    }
    const roles = block.bold ? headerRoles(cells) : undefined
    if (roles) {
      header = { roles, section: block.section.index }
      block.row = { cells, roles, header: true }
      continue
    }
    if (header && header.section === block.section.index && cells.length >= 2) {
      const rowRoles =
        cells.length === header.roles.length ? header.roles : inferRoles(cells, tests)
      if (rowRoles) block.row = { cells, roles: rowRoles, header: false }
      continue
    }
    header = undefined
    if (cells.length >= 3) {
      const inferred = inferRoles(cells, tests)
      if (inferred) block.row = { cells, roles: inferred, header: false }
    }
  }
}

/** A cell that is nothing but owners: "PSWN", "HCPF and RCA", "Priya (RCA)". */
export function isOwnerCell(entities: readonly Entity[], cell: Cell): boolean {
  const inside = entities.filter((e) => e.start >= cell.start && e.end <= cell.end)
  if (inside.length === 0) return false
  let cursor = cell.start
  let rest = ''
  for (const entity of inside) {
    rest += cell.text.slice(cursor - cell.start, entity.start - cell.start)
    cursor = entity.end
  }
  rest += cell.text.slice(cursor - cell.start)
  return OWNER_JOINERS.test(rest)
}
