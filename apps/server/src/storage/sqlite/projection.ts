import type Database from 'better-sqlite3'
import type {
  Structure,
  StructureAction,
  StructureAsk,
  StructureDecision,
  StructureLists,
} from '@accord/minutes/structure'
import type { CoalitionItems, ProjectionStore, Stored } from '../../projection/projection-store.ts'
import { actions, asks, decisions, sameRow, type Table, type Value } from '../projection-tables.ts'

/** The prepared statements of one table, and the upsert that touches only changed rows. */
class TableWriter<T> {
  private readonly select
  private readonly ofCoalition
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
    // The item's columns, then its meeting and when its row last changed.
    this.ofCoalition = db
      .prepare<[string], Value[]>(
        `SELECT ${columns.map((c) => `t.${c}`).join(', ')}, t.meeting_id, t.updated_at
         FROM ${name} t JOIN meetings m ON m.id = t.meeting_id
         WHERE m.coalition_id = ? ORDER BY m.date, m.created_at, m.id, t.position`,
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

  /** Every item of the coalition's meetings, by meeting then position. */
  readCoalition(coalitionId: string): Stored<T>[] {
    const width = this.table.columns.length
    return this.ofCoalition.all(coalitionId).map((row) => ({
      ...this.table.fromRow(row.slice(0, width)),
      meetingId: row[width] as string,
      updatedAt: row[width + 1] as string,
    }))
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
      projectedRevision: db.prepare<[string], { revision: number }>(
        'SELECT document_revision AS revision FROM structure_versions WHERE meeting_id = ?',
      ),
      // `changed` is 1 or 0: the version counts changes of the items, the revision every write.
      record: db.prepare<[string, number, number], { version: number }>(
        `INSERT INTO structure_versions (meeting_id, version, document_revision) VALUES (?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET
           version = version + excluded.version, document_revision = excluded.document_revision
         RETURNING version`,
      ),
      behind: db.prepare<[string | null, string | null], { id: string }>(
        `SELECT m.id FROM meetings m
         JOIN document_revisions d ON d.doc = m.id
         LEFT JOIN structure_versions s ON s.meeting_id = m.id
         WHERE d.revision > coalesce(s.document_revision, 0) AND (? IS NULL OR m.coalition_id = ?)
         ORDER BY m.date DESC, m.id`,
      ),
    }
  }

  replaceStructure(
    meetingId: string,
    lists: StructureLists,
    at: string,
    revision: number,
  ): Promise<number | null> {
    return Promise.resolve(
      this.db.transaction(() => {
        const recorded = this.statements.projectedRevision.get(meetingId)?.revision ?? 0
        if (recorded > revision) return null
        // Each list is written, whatever the others did: no short-circuit.
        const changed = [
          this.actions.write(meetingId, lists.actions, at),
          this.asks.write(meetingId, lists.asks, at),
          this.decisions.write(meetingId, lists.decisions, at),
        ].includes(true)
        const { version } = this.statements.record.get(meetingId, changed ? 1 : 0, revision)!
        return changed ? version : null
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

  listCoalitionItems(coalitionId: string): Promise<CoalitionItems> {
    return Promise.resolve(
      this.db.transaction(() => ({
        actions: this.actions.readCoalition(coalitionId),
        asks: this.asks.readCoalition(coalitionId),
        decisions: this.decisions.readCoalition(coalitionId),
      }))(),
    )
  }

  listMeetingsBehind(coalitionId?: string): Promise<string[]> {
    const id = coalitionId ?? null
    return Promise.resolve(this.statements.behind.all(id, id).map((row) => row.id))
  }
}
