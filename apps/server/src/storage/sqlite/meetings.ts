import type Database from 'better-sqlite3'
import type { Meeting, MeetingPatch } from '@accord/minutes'
import type { MeetingStore } from '../../meetings/meeting-store.ts'

interface MeetingRow {
  id: string
  coalition_id: string | null
  title: string
  date: string
  created_at: string
  attendance: string | null
}

// Attendance comes back as one comma-joined column: ids are base64url, never holding a comma.
const select = `SELECT m.id, m.coalition_id, m.title, m.date, m.created_at,
  (SELECT group_concat(a.organisation_id) FROM meeting_attendance a WHERE a.meeting_id = m.id)
    AS attendance
  FROM meetings m`

export class SqliteMeetingStore implements MeetingStore {
  private readonly statements

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insert: db.prepare<[string, string, string, string, string]>(
        'INSERT INTO meetings (id, coalition_id, title, date, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      get: db.prepare<[string], MeetingRow>(`${select} WHERE m.id = ?`),
      list: db.prepare<[string], MeetingRow>(
        `${select} WHERE m.coalition_id = ? ORDER BY m.date DESC, m.created_at DESC`,
      ),
      update: db.prepare<[string | null, string | null, string]>(
        'UPDATE meetings SET title = coalesce(?, title), date = coalesce(?, date) WHERE id = ?',
      ),
      clearAttendance: db.prepare<[string]>('DELETE FROM meeting_attendance WHERE meeting_id = ?'),
      addAttendance: db.prepare<[string, string]>(
        'INSERT INTO meeting_attendance (meeting_id, organisation_id) VALUES (?, ?)',
      ),
    }
  }

  createMeeting(meeting: Meeting): Promise<Meeting> {
    this.db.transaction(() => {
      this.statements.insert.run(
        meeting.id,
        meeting.coalitionId,
        meeting.title,
        meeting.date,
        meeting.createdAt,
      )
      for (const organisationId of meeting.attendance) {
        this.statements.addAttendance.run(meeting.id, organisationId)
      }
    })()
    return Promise.resolve(meeting)
  }

  getMeeting(id: string): Promise<Meeting | undefined> {
    const row = this.statements.get.get(id)
    return Promise.resolve(row ? toMeeting(row) : undefined)
  }

  listMeetings(coalitionId: string): Promise<Meeting[]> {
    return Promise.resolve(
      this.statements.list.all(coalitionId).flatMap((row) => toMeeting(row) ?? []),
    )
  }

  updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting | undefined> {
    this.statements.update.run(patch.title ?? null, patch.date ?? null, id)
    return this.getMeeting(id)
  }

  setAttendance(id: string, organisationIds: readonly string[]): Promise<Meeting | undefined> {
    this.db.transaction(() => {
      this.statements.clearAttendance.run(id)
      for (const organisationId of organisationIds) {
        this.statements.addAttendance.run(id, organisationId)
      }
    })()
    return this.getMeeting(id)
  }
}

/** A meeting from before accounts that no coalition has adopted yet belongs to nobody. */
function toMeeting(row: MeetingRow): Meeting | undefined {
  if (row.coalition_id === null) return undefined
  return {
    id: row.id,
    coalitionId: row.coalition_id,
    title: row.title,
    date: row.date,
    createdAt: row.created_at,
    attendance: row.attendance ? row.attendance.split(',').sort() : [],
  }
}
