import type { DocumentLog, LogPosition, StoredUpdate } from '@accord/sync'
import type { LockPurpose } from '../document-locks.ts'
import type { RevisedDocument, Storage } from '../storage.ts'
import { PostgresAccountStore } from './accounts.ts'
import { PostgresCalendarFeedStore } from './calendar-feeds.ts'
import { PostgresCoalitionStore } from './coalitions.ts'
import { connect, type Database, type PostgresOptions } from './database.ts'
import { PostgresEndorsementStore } from './endorsements.ts'
import { PostgresInviteStore } from './invites.ts'
import { PostgresDocumentLocks } from './locks.ts'
import { PostgresMeetingStore } from './meetings.ts'
import { migrate } from './migrate.ts'
import { PostgresProjectionStore } from './projection.ts'

/**
 * Storage in a PostgreSQL database (DATABASE_URL), in one schema. A write resolves after its
 * COMMIT returns, and PostgreSQL's default synchronous_commit = on has flushed the WAL by then,
 * so the acknowledgement means what it means with SQLite.
 */
export class PostgresStorage implements Storage {
  readonly accounts: PostgresAccountStore
  readonly coalitions: PostgresCoalitionStore
  readonly invites: PostgresInviteStore
  readonly meetings: PostgresMeetingStore
  readonly projection: PostgresProjectionStore
  readonly endorsements: PostgresEndorsementStore
  readonly calendarFeeds: PostgresCalendarFeedStore

  private constructor(
    private readonly db: Database,
    private readonly locks: PostgresDocumentLocks,
  ) {
    this.accounts = new PostgresAccountStore(db)
    this.coalitions = new PostgresCoalitionStore(db)
    this.invites = new PostgresInviteStore(db)
    this.meetings = new PostgresMeetingStore(db)
    this.projection = new PostgresProjectionStore(db)
    this.endorsements = new PostgresEndorsementStore(db)
    this.calendarFeeds = new PostgresCalendarFeedStore(db)
  }

  /** Connects and brings the schema up to date. */
  static async open(options: PostgresOptions): Promise<PostgresStorage> {
    const db = connect(options)
    try {
      await migrate(db, options.schema)
    } catch (error) {
      await db.pool.end()
      throw error
    }
    return new PostgresStorage(db, new PostgresDocumentLocks(options))
  }

  withDocumentLock(
    docName: string,
    purpose: LockPurpose,
    task: () => Promise<void>,
  ): Promise<boolean> {
    return this.locks.withDocumentLock(docName, purpose, task)
  }

  async load(docName: string): Promise<Uint8Array[]> {
    return (await this.loadLog(docName)).updates
  }

  async loadLog(docName: string): Promise<DocumentLog> {
    const rows = await this.db.rows<{ id: string; data: Buffer }>(
      'SELECT id, data FROM document_updates WHERE doc = $1 ORDER BY id',
      [docName],
    )
    return {
      updates: rows.map((row) => new Uint8Array(row.data)),
      // Every id, not the last: identity values are taken at INSERT and committed in any order,
      // so a row below the last one read may still commit after this read.
      position: rows.map((row) => row.id).join(',') as LogPosition,
    }
  }

  async loadWithRevision(docName: string): Promise<RevisedDocument> {
    // One snapshot for both: an append commits its updates and its revision together.
    return this.db.transaction(async (tx) => {
      const revision = await tx.row<{ revision: string }>(
        'SELECT revision FROM document_revisions WHERE doc = $1',
        [docName],
      )
      const rows = await tx.rows<{ data: Buffer }>(
        'SELECT data FROM document_updates WHERE doc = $1 ORDER BY id',
        [docName],
      )
      return {
        updates: rows.map((row) => new Uint8Array(row.data)),
        revision: Number(revision?.revision ?? 0),
      }
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  }

  async append(updates: readonly StoredUpdate[]): Promise<void> {
    if (updates.length === 0) return
    // The batch is one statement, so one transaction that resolves after its COMMIT: the
    // updates and the revision of each of their documents. ORDER BY gives the rows ids in the
    // order the updates came, and takes the revisions' row locks in one order on every server.
    await this.db.run(
      `WITH appended AS (
         INSERT INTO document_updates (doc, data)
         SELECT doc, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u (doc, data, n)
         ORDER BY n
       )
       INSERT INTO document_revisions (doc, revision)
       SELECT DISTINCT doc, 1 FROM unnest($1::text[]) AS d (doc) ORDER BY doc
       ON CONFLICT (doc) DO UPDATE SET revision = document_revisions.revision + 1`,
      [updates.map((u) => u.docName), updates.map((u) => toBuffer(u.update))],
    )
  }

  async compact(docName: string, snapshot: Uint8Array, position: LogPosition): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM document_updates WHERE doc = $1 AND id = ANY($2::bigint[])', [
        docName,
        position === '' ? [] : position.split(','),
      ])
      await tx.run('INSERT INTO document_updates (doc, data) VALUES ($1, $2)', [
        docName,
        toBuffer(snapshot),
      ])
    })
  }

  async ping(): Promise<void> {
    await this.db.run('SELECT 1')
  }

  async close(): Promise<void> {
    await this.locks.close()
    await this.db.pool.end()
  }
}

const toBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
