import type { DueHints } from '../../dates/resolve-due.ts'
import { resolveDue } from '../../dates/resolve-due.ts'
import type { Analysis, Language } from '../../language/types.ts'
import type { Entity, OwnerMatcher } from '../owners/matcher.ts'
import type { Block, ExplicitBlock } from './blocks.ts'
import { headerRoles, inferRoles, splitCells, type Cell, type TableRow } from './tables.ts'

/** A stretch of a block's text: offsets into the block and the text between them. */
export interface Span {
  start: number
  end: number
  text: string
}

/** A block as the rules read it: its language, entities, headings and table cells. */
export interface ReadBlock extends Block {
  index: number
  analysis: Analysis
  entities: Entity[]
  sentences: Span[]
  /** The headings and title lines the block sits under, innermost first. */
  headings: string[]
  /** The organisations the nearest heading naming any is about ("## SP"). */
  sectionOrganisations: string[]
  /** A short line standing as a heading in minutes without headings ("Apologies", "3. Housing"). */
  titleLine: boolean
  /** Set when the block is a table row; `header` rows name columns and hold no content. */
  row: (TableRow & { header: boolean }) | null
  /** The block records attendance: no action or ask is read from it. */
  inAttendance: boolean
}

export interface ReadDocument {
  blocks: ReadBlock[]
  explicit: ExplicitBlock[]
  hints: DueHints
}

const NEXT_MEETING = /\bnext\s+(?:call|meeting|session)\b/i
const OWNER_JOINERS = /^[\s,&/()]*(?:and[\s,&/()]*)*$/i
const TITLE_MAX_WORDS = 10

export function readDocument(
  walked: { blocks: Block[]; explicit: ExplicitBlock[] },
  matcher: OwnerMatcher,
  language: Language,
  meetingDate: string,
  attendanceBlocks: ReadonlySet<number> = new Set(),
  plannedNextMeeting: string | null = null,
): ReadDocument {
  const stack: { level: number; text: string; organisations: string[] }[] = []
  const blocks = numberedLists(walked.blocks)
  const read: ReadBlock[] = blocks.map((block, index) => {
    const analysis = language.analyse(block.text)
    const titleLine = block.kind === 'paragraph' && isTitleLine(analysis)
    if (block.kind === 'heading' || titleLine) {
      const level = block.level ?? 7
      while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop()
      stack.push({
        level,
        text: block.text.trim(),
        organisations: matcher.headingOrganisations(block.text.trim()),
      })
    }
    const headings = stack.map((h) => h.text).reverse()
    const withOrgs = [...stack].reverse().find((h) => h.organisations.length > 0)
    return {
      ...block,
      index,
      analysis,
      entities: matcher.entities(block.text, block.mentions),
      sentences: block.kind === 'heading' ? [] : sentencesOf(analysis),
      headings: block.kind === 'heading' || titleLine ? headings.slice(1) : headings,
      sectionOrganisations: withOrgs?.organisations ?? [],
      titleLine,
      row: null,
      inAttendance: attendanceBlocks.has(index),
    }
  })
  markTableRows(read, meetingDate)
  return {
    blocks: read,
    explicit: walked.explicit,
    hints: { nextMeeting: nextMeetingDate(read, meetingDate) ?? plannedNextMeeting },
  }
}

const NUMBERED = /^\s*\d{1,2}[.)]\s+\S/

/**
 * Numbered paragraphs after a line ending with a colon, as plain text has them ("The upshot is
 * that:" then "1. …", "2. …"), are read as the items of a list under that line.
 */
function numberedLists(blocks: readonly Block[]): Block[] {
  const out: Block[] = []
  let lead: string | null = null
  for (const block of blocks) {
    const previous = out.at(-1)
    if (block.kind === 'paragraph' && NUMBERED.test(block.text)) {
      if (previous?.kind === 'paragraph' && /:\s*$/.test(previous.text)) lead = previous.text.trim()
      if (lead !== null) {
        out.push({ ...block, kind: 'listItem', lead })
        continue
      }
    } else if (block.kind !== 'paragraph' || block.text.trim() !== '') {
      lead = null
    }
    out.push(block)
  }
  return out
}

function sentencesOf(analysis: Analysis): Span[] {
  return analysis.sentences
    .map((s) => ({ start: s.start, end: s.end, text: analysis.text.slice(s.start, s.end) }))
    .filter((s) => s.text.trim() !== '')
}

/**
 * A paragraph standing as a heading: a few words, no verb, no closing punctuation
 * ("Apologies", "Items and actions", "3. Reports from partners").
 */
function isTitleLine(analysis: Analysis): boolean {
  const text = analysis.text.trim()
  if (text === '' || /[.;,!?:|–]$/.test(text) || /:\s*\S/.test(text)) return false
  const words = analysis.tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SPACE')
  if (words.length === 0 || words.length > TITLE_MAX_WORDS) return false
  if (!/^[\p{Lu}\p{N}]/u.test(text)) return false
  return !words.some(
    (t, i) =>
      t.pos === 'AUX' ||
      (t.pos === 'VERB' && i > 0 && !/(?:ing|ed)$/.test(t.normal)) ||
      (t.pos === 'PART' && t.normal === 'to'),
  )
}

/** "Next meeting: 26 November", "before we next meet (18 March)": the first such date. */
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
    const roles = headerRoles(cells, block.bold)
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

/** A cell that is nothing but owners: "SP", "SP and ACR", "Maya (TUR)". */
function isOwnerCell(entities: readonly Entity[], cell: Cell): boolean {
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
