import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { DocumentStore, StoredUpdate } from '@accord/sync'
import type { Meeting } from '@accord/minutes'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import { migrate } from './migrations.ts'

/**
 * The embedded default: one SQLite file in DATA_DIR. WAL with synchronous=FULL, so a
 * committed transaction survives a crash or power loss before the server acknowledges it.
 */
export class SqliteStorage implements DocumentStore, MeetingStore {
  private readonly db: Database.Database
  private readonly statements

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true })
    this.db = new Database(path.join(dataDir, 'accord.sqlite'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('foreign_keys = ON')
    migrate(this.db)
    this.statements = {
      loadUpdates: this.db.prepare<[string], { data: Buffer }>(
        'SELECT data FROM document_updates WHERE doc = ? ORDER BY id',
      ),
      appendUpdate: this.db.prepare<[string, Uint8Array]>(
        'INSERT INTO document_updates (doc, data) VALUES (?, ?)',
      ),
      deleteUpdates: this.db.prepare<[string]>('DELETE FROM document_updates WHERE doc = ?'),
      insertMeeting: this.db.prepare<[string, string, string, string]>(
        'INSERT INTO meetings (id, title, date, created_at) VALUES (?, ?, ?, ?)',
      ),
      getMeeting: this.db.prepare<[string], MeetingRow>(
        'SELECT id, title, date, created_at FROM meetings WHERE id = ?',
      ),
      listMeetings: this.db.prepare<[], MeetingRow>(
        'SELECT id, title, date, created_at FROM meetings ORDER BY date DESC, created_at DESC',
      ),
    }
  }

  private readonly appendAll = (updates: readonly StoredUpdate[]) => {
    for (const { docName, update } of updates) this.statements.appendUpdate.run(docName, update)
  }

  load(docName: string): Promise<Uint8Array[]> {
    const rows = this.statements.loadUpdates.all(docName)
    return Promise.resolve(rows.map((row) => new Uint8Array(row.data)))
  }

  append(updates: readonly StoredUpdate[]): Promise<void> {
    this.db.transaction(this.appendAll)(updates)
    return Promise.resolve()
  }

  compact(docName: string, snapshot: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.statements.deleteUpdates.run(docName)
      this.statements.appendUpdate.run(docName, snapshot)
    })()
    return Promise.resolve()
  }

  createMeeting(meeting: Meeting): Meeting {
    this.statements.insertMeeting.run(meeting.id, meeting.title, meeting.date, meeting.createdAt)
    return meeting
  }

  getMeeting(id: string): Meeting | undefined {
    const row = this.statements.getMeeting.get(id)
    return row && toMeeting(row)
  }

  listMeetings(): Meeting[] {
    return this.statements.listMeetings.all().map(toMeeting)
  }

  close(): void {
    this.db.close()
  }
}

interface MeetingRow {
  id: string
  title: string
  date: string
  created_at: string
}

function toMeeting(row: MeetingRow): Meeting {
  return { id: row.id, title: row.title, date: row.date, createdAt: row.created_at }
}
