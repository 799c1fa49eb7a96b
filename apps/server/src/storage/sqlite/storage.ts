import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { DocumentLog, LogPosition, StoredUpdate } from '@accord/sync'
import { InProcessLocks, type LockPurpose } from '../document-locks.ts'
import type { RevisedDocument, Storage } from '../storage.ts'
import { migrate } from './migrate.ts'
import { SqliteAccountStore } from './accounts.ts'
import { SqliteCalendarFeedStore } from './calendar-feeds.ts'
import { SqliteCoalitionStore } from './coalitions.ts'
import { SqliteEndorsementStore } from './endorsements.ts'
import { SqliteInviteStore } from './invites.ts'
import { SqliteMeetingStore } from './meetings.ts'
import { SqliteProjectionStore } from './projection.ts'

/**
 * The embedded default: one SQLite file in DATA_DIR. WAL with synchronous=FULL, so a
 * committed transaction survives a crash or power loss before the server acknowledges it.
 */
export class SqliteStorage implements Storage {
  readonly accounts: SqliteAccountStore
  readonly coalitions: SqliteCoalitionStore
  readonly invites: SqliteInviteStore
  readonly meetings: SqliteMeetingStore
  readonly projection: SqliteProjectionStore
  readonly endorsements: SqliteEndorsementStore
  readonly calendarFeeds: SqliteCalendarFeedStore
  private readonly db: Database.Database
  private readonly statements
  /** One instance per SQLite file, so the locks of this process are all the locks there are. */
  private readonly locks = new InProcessLocks()

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir)
    migrate(this.db)
    this.accounts = new SqliteAccountStore(this.db)
    this.coalitions = new SqliteCoalitionStore(this.db)
    this.invites = new SqliteInviteStore(this.db)
    this.meetings = new SqliteMeetingStore(this.db)
    this.projection = new SqliteProjectionStore(this.db)
    this.endorsements = new SqliteEndorsementStore(this.db)
    this.calendarFeeds = new SqliteCalendarFeedStore(this.db)
    this.statements = {
      loadUpdates: this.db.prepare<[string], { id: number; data: Buffer }>(
        'SELECT id, data FROM document_updates WHERE doc = ? ORDER BY id',
      ),
      appendUpdate: this.db.prepare<[string, Uint8Array]>(
        'INSERT INTO document_updates (doc, data) VALUES (?, ?)',
      ),
      deleteUpdates: this.db.prepare<[string, number]>(
        'DELETE FROM document_updates WHERE doc = ? AND id <= ?',
      ),
      bumpRevision: this.db.prepare<[string]>(
        `INSERT INTO document_revisions (doc, revision) VALUES (?, 1)
         ON CONFLICT (doc) DO UPDATE SET revision = revision + 1`,
      ),
      revision: this.db.prepare<[string], { revision: number }>(
        'SELECT revision FROM document_revisions WHERE doc = ?',
      ),
    }
  }

  private readonly appendAll = (updates: readonly StoredUpdate[]) => {
    for (const { docName, update } of updates) this.statements.appendUpdate.run(docName, update)
    // Once per document of the batch, in the same transaction as its updates.
    for (const docName of new Set(updates.map((u) => u.docName))) {
      this.statements.bumpRevision.run(docName)
    }
  }

  private readonly readRevised = (docName: string): RevisedDocument => ({
    updates: this.statements.loadUpdates.all(docName).map((row) => new Uint8Array(row.data)),
    revision: this.statements.revision.get(docName)?.revision ?? 0,
  })

  load(docName: string): Promise<Uint8Array[]> {
    return this.loadLog(docName).then((log) => log.updates)
  }

  loadLog(docName: string): Promise<DocumentLog> {
    const rows = this.statements.loadUpdates.all(docName)
    return Promise.resolve({
      updates: rows.map((row) => new Uint8Array(row.data)),
      // The last id is enough: one writer at a time, so ids commit in the order they are given.
      position: String(rows.at(-1)?.id ?? 0) as LogPosition,
    })
  }

  loadWithRevision(docName: string): Promise<RevisedDocument> {
    return Promise.resolve(this.db.transaction(this.readRevised)(docName))
  }

  append(updates: readonly StoredUpdate[]): Promise<void> {
    this.db.transaction(this.appendAll)(updates)
    return Promise.resolve()
  }

  compact(docName: string, snapshot: Uint8Array, position: LogPosition): Promise<void> {
    this.db.transaction(() => {
      this.statements.deleteUpdates.run(docName, Number(position))
      this.statements.appendUpdate.run(docName, snapshot)
    })()
    return Promise.resolve()
  }

  withDocumentLock(
    docName: string,
    purpose: LockPurpose,
    task: () => Promise<void>,
  ): Promise<boolean> {
    return this.locks.withDocumentLock(docName, purpose, task)
  }

  /** Resolves once the database answers a query: the readiness probe's database check. */
  ping(): Promise<void> {
    // In the executor, so a closed database rejects rather than throws.
    return new Promise((resolve) => {
      this.db.prepare('SELECT 1').get()
      resolve()
    })
  }

  close(): Promise<void> {
    this.db.close()
    return Promise.resolve()
  }
}

/** The database file in `dataDir`, created if need be, with the settings every connection needs. */
export function openDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'accord.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  return db
}
