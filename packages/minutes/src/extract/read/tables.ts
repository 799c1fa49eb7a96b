/**
 * Table rows. The schema has no table, so import-minutes renders each row as a paragraph of
 * its non-empty cells joined by " – " (header row in bold); text pasted from a spreadsheet
 * arrives with " | " or tabs. A bold header naming its columns ("Action – Owner – Due") gives
 * the rows after it their roles; a row without such a header is read as a table row only when
 * it has three or more cells and one of them is nothing but owners.
 */
export type Role = 'action' | 'owner' | 'due' | 'status' | 'other'

export interface Cell {
  start: number
  end: number
  text: string
}

export interface TableRow {
  cells: Cell[]
  roles: Role[]
}

const SEPARATOR = /\s+[–|]\s+|\t+/g

const HEADER_ROLES: [RegExp, Role][] = [
  [
    /^(?:actions?(?:\s+(?:agreed|required|points?))?|agreed actions?|tasks?|what|items?|description|activity|next steps?)$/i,
    'action',
  ],
  [
    /^(?:owners?|who|leads?|lead (?:person|organisation)|responsible|responsibility|person responsible|respons-?\s?ible person|by whom|action by|action owner|assigned to|organisations?|org)$/i,
    'owner',
  ],
  [
    /^(?:due|when|deadline|by when|by|date|due date|due by|timescale|timescales|timeframe|timing|target date|complete by)$/i,
    'due',
  ],
  [/^(?:status|progress|rag|rag\s+status|state)$/i, 'status'],
]
/** Other words a header row is made of: a table whose first row is all such words has a header. */
const OTHER_HEADER =
  /^(?:no\.?|#|ref\.?|item no\.?|update|notes?|comments?|name|attending|initials|role|organisation\/role|pronouns|gh id|theme|topic|agenda item)$/i

export function splitCells(text: string): Cell[] {
  const cells: Cell[] = []
  let start = 0
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to)
    const body = raw.replace(/^\s*\|?\s*/, '').replace(/\s*\|?\s*$/, '')
    if (body === '') return
    const offset = from + raw.indexOf(body)
    cells.push({ start: offset, end: offset + body.length, text: body })
  }
  for (const match of text.matchAll(SEPARATOR)) {
    push(start, match.index)
    start = match.index + match[0].length
  }
  push(start, text.length)
  return cells
}

/**
 * The column roles a header row names, or undefined when it is not a header: a bold row, or
 * one whose every cell is a column name ("No. | Action | Owner | Status").
 */
export function headerRoles(cells: Cell[], bold = true): Role[] | undefined {
  if (cells.length < 2) return undefined
  const names = cells.map((cell) => cell.text.trim().replace(/[:*]+$/, ''))
  const roles = names.map(
    (name) => HEADER_ROLES.find(([pattern]) => pattern.test(name))?.[1] ?? 'other',
  )
  if (!roles.includes('action') && !roles.includes('owner')) return undefined
  if (bold) return roles
  const allNames = names.every((name, i) => roles[i] !== 'other' || OTHER_HEADER.test(name))
  return allNames ? roles : undefined
}

export interface CellTests {
  isOwners(cell: Cell): boolean
  isDate(cell: Cell): boolean
}

/**
 * Roles read from the cells themselves: the cell of owners, the cell of date words, and the
 * longest remaining cell as the action. Undefined when no cell is owners.
 */
export function inferRoles(cells: Cell[], tests: CellTests): Role[] | undefined {
  const roles: Role[] = cells.map(() => 'other')
  const owner = cells.findIndex((cell) => tests.isOwners(cell))
  if (owner < 0) return undefined
  roles[owner] = 'owner'
  const due = cells.findIndex((cell, i) => i !== owner && tests.isDate(cell))
  if (due >= 0) roles[due] = 'due'
  let action = -1
  cells.forEach((cell, i) => {
    if (roles[i] === 'other' && (action < 0 || cell.text.length > cells[action]!.text.length))
      action = i
  })
  if (action < 0) return undefined
  roles[action] = 'action'
  return roles
}
