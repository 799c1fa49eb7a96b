import type {
  Structure,
  StructureAction,
  StructureAsk,
  StructureDecision,
  StructureLists,
} from '@accord/minutes/structure'
import type { CoalitionItems, ProjectionStore, Stored } from '../../projection/projection-store.ts'
import { actions, asks, decisions, sameRow, type Table, type Value } from '../projection-tables.ts'
import type { Database, Queries } from './database.ts'

/**
 * A stored value as projection-tables.ts writes it: PostgreSQL hands back JSONB lists parsed
 * and BOOLEAN flags as booleans, where the shared row has JSON text and 0 or 1.
 */
function toValue(value: unknown): Value {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return value as Value
}

/** The statements of one table, and the upsert that touches only changed rows. */
class TableWriter<T> {
  private readonly select: string
  private readonly ofCoalition: string
  private readonly upsert: string
  private readonly remove: string

  constructor(readonly table: Table<T>) {
    const { name, columns } = table
    const list = columns.join(', ')
    const placeholders = ['meeting_id', ...columns, 'updated_at'].map((_, i) => `$${i + 1}`)
    this.select = `SELECT ${list} FROM ${name} WHERE meeting_id = $1 ORDER BY position`
    // The item's columns, then its meeting and when its row last changed.
    this.ofCoalition = `SELECT ${columns.map((c) => `t.${c}`).join(', ')}, t.meeting_id, t.updated_at
      FROM ${name} t JOIN meetings m ON m.id = t.meeting_id
      WHERE m.coalition_id = $1 ORDER BY m.date, m.created_at, m.id COLLATE "C", t.position`
    this.upsert = `INSERT INTO ${name} (meeting_id, ${list}, updated_at)
      VALUES (${placeholders.join(', ')})
      ON CONFLICT (meeting_id, key) DO UPDATE SET
      ${[...columns.slice(1), 'updated_at'].map((c) => `${c} = excluded.${c}`).join(', ')}`
    this.remove = `DELETE FROM ${name} WHERE meeting_id = $1 AND key = ANY($2::text[])`
  }

  private async rows(q: Queries, meetingId: string): Promise<Value[][]> {
    const rows = await q.arrays(this.select, [meetingId])
    return rows.map((row) => row.map(toValue))
  }

  async read(q: Queries, meetingId: string): Promise<T[]> {
    return (await this.rows(q, meetingId)).map((row) => this.table.fromRow(row))
  }

  /** Every item of the coalition's meetings, by meeting then position. */
  async readCoalition(q: Queries, coalitionId: string): Promise<Stored<T>[]> {
    const width = this.table.columns.length
    const rows = await q.arrays(this.ofCoalition, [coalitionId])
    return rows.map((row) => ({
      ...this.table.fromRow(row.slice(0, width).map(toValue)),
      meetingId: row[width] as string,
      updatedAt: row[width + 1] as string,
    }))
  }

  /** Returns whether anything changed. Runs inside the caller's transaction. */
  async write(q: Queries, meetingId: string, items: readonly T[], at: string): Promise<boolean> {
    const stored = new Map((await this.rows(q, meetingId)).map((row) => [row[0] as string, row]))
    let changed = false
    for (const item of items) {
      const row = this.table.toRow(item)
      const key = row[0] as string
      const old = stored.get(key)
      stored.delete(key)
      if (old && sameRow(old, row)) continue
      await q.run(this.upsert, [meetingId, ...row, at])
      changed = true
    }
    if (stored.size > 0) await q.run(this.remove, [meetingId, [...stored.keys()]])
    return changed || stored.size > 0
  }
}

export class PostgresProjectionStore implements ProjectionStore {
  private readonly actions = new TableWriter<StructureAction>(actions)
  private readonly asks = new TableWriter<StructureAsk>(asks)
  private readonly decisions = new TableWriter<StructureDecision>(decisions)

  constructor(private readonly db: Database) {}

  replaceStructure(
    meetingId: string,
    lists: StructureLists,
    at: string,
    revision: number,
  ): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      // One writer per meeting at a time, across servers: the second reads what the first
      // wrote. NO KEY UPDATE still lets the rows' foreign keys to the meeting be checked.
      await tx.run('SELECT 1 FROM meetings WHERE id = $1 FOR NO KEY UPDATE', [meetingId])
      const recorded = await tx.row<{ revision: string }>(
        'SELECT document_revision AS revision FROM structure_versions WHERE meeting_id = $1',
        [meetingId],
      )
      if (Number(recorded?.revision ?? 0) > revision) return null
      // Each list is written, whatever the others did: no short-circuit.
      const changed = [
        await this.actions.write(tx, meetingId, lists.actions, at),
        await this.asks.write(tx, meetingId, lists.asks, at),
        await this.decisions.write(tx, meetingId, lists.decisions, at),
      ].includes(true)
      // `changed` is 1 or 0: the version counts changes of the items, the revision every write.
      const recordedNow = await tx.row<{ version: number }>(
        `INSERT INTO structure_versions (meeting_id, version, document_revision)
         VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id) DO UPDATE SET
           version = structure_versions.version + excluded.version,
           document_revision = excluded.document_revision
         RETURNING version`,
        [meetingId, changed ? 1 : 0, revision],
      )
      return changed ? recordedNow!.version : null
    })
  }

  getStructure(meetingId: string): Promise<Structure> {
    // One snapshot for the version and the three lists, as SQLite's transaction gives.
    return this.db.transaction(
      async (tx) => ({
        version:
          (
            await tx.row<{ version: number }>(
              'SELECT version FROM structure_versions WHERE meeting_id = $1',
              [meetingId],
            )
          )?.version ?? 0,
        actions: await this.actions.read(tx, meetingId),
        asks: await this.asks.read(tx, meetingId),
        decisions: await this.decisions.read(tx, meetingId),
      }),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    )
  }

  listCoalitionItems(coalitionId: string): Promise<CoalitionItems> {
    // One snapshot for the three lists, as for getStructure.
    return this.db.transaction(
      async (tx) => ({
        actions: await this.actions.readCoalition(tx, coalitionId),
        asks: await this.asks.readCoalition(tx, coalitionId),
        decisions: await this.decisions.readCoalition(tx, coalitionId),
      }),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    )
  }

  async listMeetingsBehind(coalitionId?: string): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(
      `SELECT m.id FROM meetings m
       JOIN document_revisions d ON d.doc = m.id
       LEFT JOIN structure_versions s ON s.meeting_id = m.id
       WHERE d.revision > coalesce(s.document_revision, 0)
         AND ($1::text IS NULL OR m.coalition_id = $1)
       ORDER BY m.date DESC, m.id COLLATE "C"`,
      [coalitionId ?? null],
    )
    return rows.map((row) => row.id)
  }
}
