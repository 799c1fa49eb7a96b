import type Database from 'better-sqlite3'
import type {
  Structure,
  StructureAction,
  StructureAsk,
  StructureDecision,
  StructureLists,
} from '@accord/minutes/structure'
import type { ProjectionStore } from '../../projection/projection-store.ts'

type Value = string | number | null

/** How one kind of item maps to the columns of its table, in a fixed column order. */
interface Table<T> {
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
]

/** The columns are the ones `itemColumns` names, in that order; the schema's CHECKs hold. */
const itemFromRow = (row: Value[]): Item => ({
  key: row[0] as string,
  origin: row[1] as Item['origin'],
  text: row[2] as string,
  source: { text: row[3] as string, from: row[4] as number, to: row[5] as number },
  reason: row[6] as string,
  position: row[7] as number,
})

const json = (value: Value) => JSON.parse(value as string) as string[]
const extra = (row: Value[]) => row.slice(itemColumns.length)

const actions: Table<StructureAction> = {
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
  ],
  fromRow(row) {
    const [owners, unknownOwners, assignee, due, dueText, dueUnparsed, status] = extra(row)
    return {
      ...itemFromRow(row),
      owners: json(owners!),
      unknownOwners: json(unknownOwners!),
      assignee: assignee as string | null,
      due: due as string | null,
      dueText: dueText as string | null,
      dueUnparsed: dueUnparsed === 1,
      status: status as StructureAction['status'],
    }
  },
}

const asks: Table<StructureAsk> = {
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

const decisions: Table<StructureDecision> = {
  name: 'decisions',
  columns: itemColumns,
  toRow: itemRow,
  fromRow: itemFromRow,
}

/** The prepared statements of one table, and the upsert that touches only changed rows. */
class TableWriter<T> {
  private readonly select
  private readonly upsert
  private readonly remove

  constructor(
    db: Database.Database,
    readonly table: Table<T>,
  ) {
    const { name, columns } = table
    const list = columns.join(', ')
    this.select = db
      .prepare<[string], Value[]>(
        `SELECT ${list} FROM ${name} WHERE meeting_id = ? ORDER BY position`,
      )
      .raw()
    this.upsert = db.prepare<Value[]>(
      `INSERT INTO ${name} (meeting_id, ${list}, updated_at)
       VALUES (${['?', ...columns.map(() => '?'), '?'].join(', ')})
       ON CONFLICT (meeting_id, key) DO UPDATE SET
       ${[...columns.slice(1), 'updated_at'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
    )
    this.remove = db.prepare<[string, string]>(
      `DELETE FROM ${name} WHERE meeting_id = ? AND key = ?`,
    )
  }

  read(meetingId: string): T[] {
    return this.select.all(meetingId).map((row) => this.table.fromRow(row))
  }

  /** Returns whether anything changed. Runs inside the caller's transaction. */
  write(meetingId: string, items: readonly T[], at: string): boolean {
    const stored = new Map(this.select.all(meetingId).map((row) => [row[0] as string, row]))
    let changed = false
    for (const item of items) {
      const row = this.table.toRow(item)
      const key = row[0] as string
      const old = stored.get(key)
      stored.delete(key)
      if (old && sameRow(old, row)) continue
      this.upsert.run(meetingId, ...row, at)
      changed = true
    }
    for (const key of stored.keys()) this.remove.run(meetingId, key)
    return changed || stored.size > 0
  }
}

const sameRow = (a: readonly Value[], b: readonly Value[]) =>
  a.length === b.length && a.every((value, i) => value === b[i])

export class SqliteProjectionStore implements ProjectionStore {
  private readonly actions: TableWriter<StructureAction>
  private readonly asks: TableWriter<StructureAsk>
  private readonly decisions: TableWriter<StructureDecision>
  private readonly statements

  constructor(private readonly db: Database.Database) {
    this.actions = new TableWriter(db, actions)
    this.asks = new TableWriter(db, asks)
    this.decisions = new TableWriter(db, decisions)
    this.statements = {
      version: db.prepare<[string], { version: number }>(
        'SELECT version FROM structure_versions WHERE meeting_id = ?',
      ),
      bump: db.prepare<[string], { version: number }>(
        `INSERT INTO structure_versions (meeting_id, version) VALUES (?, 1)
         ON CONFLICT (meeting_id) DO UPDATE SET version = version + 1 RETURNING version`,
      ),
    }
  }

  replaceStructure(meetingId: string, lists: StructureLists, at: string): Promise<number | null> {
    return Promise.resolve(
      this.db.transaction(() => {
        // Each list is written, whatever the others did: no short-circuit.
        const changed = [
          this.actions.write(meetingId, lists.actions, at),
          this.asks.write(meetingId, lists.asks, at),
          this.decisions.write(meetingId, lists.decisions, at),
        ].includes(true)
        return changed ? this.statements.bump.get(meetingId)!.version : null
      })(),
    )
  }

  getStructure(meetingId: string): Promise<Structure> {
    return Promise.resolve(
      this.db.transaction(() => ({
        version: this.statements.version.get(meetingId)?.version ?? 0,
        actions: this.actions.read(meetingId),
        asks: this.asks.read(meetingId),
        decisions: this.decisions.read(meetingId),
      }))(),
    )
  }
}
