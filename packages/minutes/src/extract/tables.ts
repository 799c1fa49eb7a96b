/**
 * Table rows. The schema has no table, so import-minutes renders each row as a paragraph of
 * its non-empty cells joined by " – " (header row in bold); text pasted from a spreadsheet
 * arrives with " | " or tabs. A bold header naming its columns ("Action – Owner – Due") gives
 * the rows after it their roles; a row without such a header is read as a table row only when
 * it has three or more cells and one of them is nothing but owners.
 */
export type Role = 'action' | 'owner' | 'due' | 'other'

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
  [/^(?:actions?|tasks?|what|items?|description|activity|next steps?)$/i, 'action'],
  [/^(?:owners?|who|leads?|responsible|by whom|assigned to|organisations?|org)$/i, 'owner'],
  [/^(?:due|when|deadline|by when|date|due date|timescale|timing|target date)$/i, 'due'],
]

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

/** The column roles a header row names, or undefined when it is not a header. */
export function headerRoles(cells: Cell[]): Role[] | undefined {
  if (cells.length < 2) return undefined
  const roles = cells.map(
    (cell) => HEADER_ROLES.find(([pattern]) => pattern.test(cell.text.trim()))?.[1] ?? 'other',
  )
  return roles.includes('action') || roles.includes('owner') ? roles : undefined
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
