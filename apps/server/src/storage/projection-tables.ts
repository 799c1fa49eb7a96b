import type { StructureAction, StructureAsk, StructureDecision } from '@accord/minutes/structure'

/**
 * How the projected items map to the rows of the actions, asks and decisions tables, shared by
 * both engines. A row is a list of plain values: lists as JSON text, flags as 0 or 1, so the
 * engine compares a stored row with a new one value by value.
 */
export type Value = string | number | null

/** How one kind of item maps to the columns of its table, in a fixed column order. */
export interface Table<T> {
  name: 'actions' | 'asks' | 'decisions'
  /** Every column but meeting_id and updated_at; `key` first. */
  columns: readonly string[]
  toRow(item: T): Value[]
  fromRow(row: Value[]): T
}

const itemColumns = [
  'key',
  'origin',
  'text',
  'source_text',
  'source_from',
  'source_to',
  'reason',
  'position',
  'confidence',
] as const

type Item = StructureDecision

const itemRow = (item: Item): Value[] => [
  item.key,
  item.origin,
  item.text,
  item.source.text,
  item.source.from,
  item.source.to,
  item.reason,
  item.position,
  // Items written by code that predates confidence (tests, old callers) count as sure.
  item.confidence ?? 1,
]

/** The columns are the ones `itemColumns` names, in that order; the schema's CHECKs hold. */
const itemFromRow = (row: Value[]): Item => ({
  key: row[0] as string,
  origin: row[1] as Item['origin'],
  text: row[2] as string,
  source: { text: row[3] as string, from: row[4] as number, to: row[5] as number },
  reason: row[6] as string,
  position: row[7] as number,
  confidence: Number(row[8]),
})

const json = (value: Value) => JSON.parse(value as string) as string[]
const extra = (row: Value[]) => row.slice(itemColumns.length)

export const actions: Table<StructureAction> = {
  name: 'actions',
  columns: [
    ...itemColumns,
    'owners',
    'unknown_owners',
    'assignee',
    'due',
    'due_text',
    'due_unparsed',
    'status',
    'carried_from',
    'owners_proposed',
    'due_proposed',
  ],
  toRow: (a) => [
    ...itemRow(a),
    JSON.stringify(a.owners),
    JSON.stringify(a.unknownOwners),
    a.assignee,
    a.due,
    a.dueText,
    a.dueUnparsed ? 1 : 0,
    a.status,
    a.carriedFrom,
    a.ownersProposed === true ? 1 : 0,
    a.dueProposed === true ? 1 : 0,
  ],
  fromRow(row) {
    const [
      owners,
      unknownOwners,
      assignee,
      due,
      dueText,
      dueUnparsed,
      status,
      carriedFrom,
      ownersProposed,
      dueProposed,
    ] = extra(row)
    return {
      ...itemFromRow(row),
      owners: json(owners!),
      unknownOwners: json(unknownOwners!),
      assignee: assignee as string | null,
      due: due as string | null,
      dueText: dueText as string | null,
      dueUnparsed: dueUnparsed === 1,
      status: status as StructureAction['status'],
      carriedFrom: carriedFrom as string | null,
      ownersProposed: Number(ownersProposed) === 1,
      dueProposed: Number(dueProposed) === 1,
    }
  },
}

export const asks: Table<StructureAsk> = {
  name: 'asks',
  columns: [...itemColumns, 'target', 'supporters', 'unknown_supporters', 'status'],
  toRow: (a) => [
    ...itemRow(a),
    a.target,
    JSON.stringify(a.supporters),
    JSON.stringify(a.unknownSupporters),
    a.status,
  ],
  fromRow(row) {
    const [target, supporters, unknownSupporters, status] = extra(row)
    return {
      ...itemFromRow(row),
      target: target as string | null,
      supporters: json(supporters!),
      unknownSupporters: json(unknownSupporters!),
      status: status as StructureAsk['status'],
    }
  },
}

export const decisions: Table<StructureDecision> = {
  name: 'decisions',
  columns: itemColumns,
  toRow: itemRow,
  fromRow: itemFromRow,
}

export const sameRow = (a: readonly Value[], b: readonly Value[]) =>
  a.length === b.length && a.every((value, i) => value === b[i])
