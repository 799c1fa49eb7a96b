import type Database from 'better-sqlite3'
import type { Meeting, MeetingPatch, MeetingStatus, MinutesVersion } from '@accord/minutes'
import type { MeetingStore, StatusChange } from '../../meetings/meeting-store.ts'

interface MeetingRow {
  id: string
  coalition_id: string | null
  status: MeetingStatus
  title: string
  date: string
  created_at: string
  attendance: string | null
}

interface VersionRow {
  id: string
  meeting_id: string
  kind: MinutesVersion['kind']
  person_id: string
  person_name: string
  at: string
}

// Attendance comes back as one comma-joined column: ids are base64url, never holding a comma.
const select = `SELECT m.id, m.coalition_id, m.status, m.title, m.date, m.created_at,
  (SELECT group_concat(a.organisation_id) FROM meeting_attendance a WHERE a.meeting_id = m.id)
    AS attendance
  FROM meetings m`

export class SqliteMeetingStore implements MeetingStore {
  private readonly statements

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insert: db.prepare<[string, string, MeetingStatus, string, string, string]>(
        `INSERT INTO meetings (id, coalition_id, status, title, date, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
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
      // Only from the other status: of two chairs approving at once, one changes it.
      setStatus: db.prepare<[MeetingStatus, string, MeetingStatus]>(
        'UPDATE meetings SET status = ? WHERE id = ? AND status = ?',
      ),
      exists: db.prepare<[string], { found: number }>(
        'SELECT 1 AS found FROM meetings WHERE id = ?',
      ),
      insertVersion: db.prepare<
        [string, string, MinutesVersion['kind'], Uint8Array | null, string, string]
      >(
        `INSERT INTO minutes_versions (id, meeting_id, kind, snapshot, person_id, at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      // rowid breaks ties of `at`: the order the versions were written in.
      listVersions: db.prepare<[string], VersionRow>(
        `SELECT v.id, v.meeting_id, v.kind, v.person_id, p.name AS person_name, v.at
         FROM minutes_versions v JOIN people p ON p.id = v.person_id
         WHERE v.meeting_id = ? ORDER BY v.at, v.rowid`,
      ),
      snapshot: db.prepare<[string, string], { snapshot: Buffer }>(
        `SELECT snapshot FROM minutes_versions
         WHERE meeting_id = ? AND id = ? AND kind = 'approved' AND snapshot IS NOT NULL`,
      ),
    }
  }

  createMeeting(meeting: Meeting): Promise<Meeting> {
    this.db.transaction(() => {
      this.statements.insert.run(
        meeting.id,
        meeting.coalitionId,
        meeting.status,
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

  approve(
    meetingId: string,
    version: { id: string; snapshot: Uint8Array; personId: string; at: string },
  ): Promise<StatusChange> {
    return Promise.resolve(
      this.changeStatus(meetingId, 'draft', 'approved', { ...version, kind: 'approved' }),
    )
  }

  reopen(
    meetingId: string,
    record: { id: string; personId: string; at: string },
  ): Promise<StatusChange> {
    return Promise.resolve(
      this.changeStatus(meetingId, 'approved', 'draft', {
        ...record,
        kind: 'reopened',
        snapshot: null,
      }),
    )
  }

  listVersions(meetingId: string): Promise<MinutesVersion[]> {
    return Promise.resolve(this.statements.listVersions.all(meetingId).map(toVersion))
  }

  getSnapshot(meetingId: string, versionId: string): Promise<Uint8Array | undefined> {
    const row = this.statements.snapshot.get(meetingId, versionId)
    return Promise.resolve(row && new Uint8Array(row.snapshot))
  }

  /** Moves the status from `from` to `to` and records the version, in one transaction. */
  private changeStatus(
    meetingId: string,
    from: MeetingStatus,
    to: MeetingStatus,
    version: {
      id: string
      kind: MinutesVersion['kind']
      snapshot: Uint8Array | null
      personId: string
      at: string
    },
  ): StatusChange {
    return this.db.transaction((): StatusChange => {
      if (this.statements.setStatus.run(to, meetingId, from).changes === 0) {
        return this.statements.exists.get(meetingId) ? 'unchanged' : 'missing'
      }
      this.statements.insertVersion.run(
        version.id,
        meetingId,
        version.kind,
        version.snapshot,
        version.personId,
        version.at,
      )
      return 'changed'
    })()
  }
}

/** A meeting from before accounts that no coalition has adopted yet belongs to nobody. */
function toMeeting(row: MeetingRow): Meeting | undefined {
  if (row.coalition_id === null) return undefined
  return {
    id: row.id,
    coalitionId: row.coalition_id,
    status: row.status,
    title: row.title,
    date: row.date,
    createdAt: row.created_at,
    attendance: row.attendance ? row.attendance.split(',').sort() : [],
  }
}

function toVersion(row: VersionRow): MinutesVersion {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    kind: row.kind,
    personId: row.person_id,
    personName: row.person_name,
    at: row.at,
  }
}
