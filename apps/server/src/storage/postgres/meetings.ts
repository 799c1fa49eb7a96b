import type { Meeting, MeetingPatch, MeetingStatus, MinutesVersion } from '@accord/minutes'
import type { MeetingStore, StatusChange } from '../../meetings/meeting-store.ts'
import type { Database, Queries } from './database.ts'

interface MeetingRow {
  id: string
  coalition_id: string | null
  status: MeetingStatus
  title: string
  date: string
  created_at: string
  attendance: string[]
}

interface VersionRow {
  id: string
  meeting_id: string
  kind: MinutesVersion['kind']
  person_id: string
  person_name: string
  at: string
}

const select = `SELECT m.id, m.coalition_id, m.status, m.title, m.date, m.created_at,
  ARRAY(SELECT a.organisation_id FROM meeting_attendance a WHERE a.meeting_id = m.id)
    AS attendance
  FROM meetings m`

export class PostgresMeetingStore implements MeetingStore {
  constructor(private readonly db: Database) {}

  async createMeeting(meeting: Meeting): Promise<Meeting> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO meetings (id, coalition_id, status, title, date, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          meeting.id,
          meeting.coalitionId,
          meeting.status,
          meeting.title,
          meeting.date,
          meeting.createdAt,
        ],
      )
      await addAttendance(tx, meeting.id, meeting.attendance)
    })
    return meeting
  }

  async getMeeting(id: string): Promise<Meeting | undefined> {
    const row = await this.db.row<MeetingRow>(`${select} WHERE m.id = $1`, [id])
    return row ? toMeeting(row) : undefined
  }

  async listMeetings(coalitionId: string): Promise<Meeting[]> {
    const rows = await this.db.rows<MeetingRow>(
      `${select} WHERE m.coalition_id = $1 ORDER BY m.date DESC, m.created_at DESC`,
      [coalitionId],
    )
    return rows.flatMap((row) => toMeeting(row) ?? [])
  }

  async updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting | undefined> {
    await this.db.run(
      'UPDATE meetings SET title = coalesce($1, title), date = coalesce($2, date) WHERE id = $3',
      [patch.title ?? null, patch.date ?? null, id],
    )
    return this.getMeeting(id)
  }

  async setAttendance(
    id: string,
    organisationIds: readonly string[],
  ): Promise<Meeting | undefined> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM meeting_attendance WHERE meeting_id = $1', [id])
      await addAttendance(tx, id, organisationIds)
    })
    return this.getMeeting(id)
  }

  approve(
    meetingId: string,
    version: { id: string; snapshot: Uint8Array; personId: string; at: string },
  ): Promise<StatusChange> {
    return this.changeStatus(meetingId, 'draft', 'approved', {
      ...version,
      kind: 'approved',
      snapshot: toBuffer(version.snapshot),
    })
  }

  reopen(
    meetingId: string,
    record: { id: string; personId: string; at: string },
  ): Promise<StatusChange> {
    return this.changeStatus(meetingId, 'approved', 'draft', {
      ...record,
      kind: 'reopened',
      snapshot: null,
    })
  }

  /**
   * Ties of `at` go by xmin, the id of the transaction that wrote the row: a meeting's status
   * changes take turns on its row, so each later version's transaction got its id later.
   */
  async listVersions(meetingId: string): Promise<MinutesVersion[]> {
    const rows = await this.db.rows<VersionRow>(
      `SELECT v.id, v.meeting_id, v.kind, v.person_id, p.name AS person_name, v.at
       FROM minutes_versions v JOIN people p ON p.id = v.person_id
       WHERE v.meeting_id = $1 ORDER BY v.at, v.xmin::text::bigint`,
      [meetingId],
    )
    return rows.map(toVersion)
  }

  async getSnapshot(meetingId: string, versionId: string): Promise<Uint8Array | undefined> {
    const row = await this.db.row<{ snapshot: Buffer }>(
      `SELECT snapshot FROM minutes_versions
       WHERE meeting_id = $1 AND id = $2 AND kind = 'approved' AND snapshot IS NOT NULL`,
      [meetingId, versionId],
    )
    return row && new Uint8Array(row.snapshot)
  }

  /**
   * Moves the status from `from` to `to` and records the version, in one transaction. The
   * UPDATE locks the meeting's row, so a second chair's change waits for the first and then
   * finds the status already moved.
   */
  private changeStatus(
    meetingId: string,
    from: MeetingStatus,
    to: MeetingStatus,
    version: {
      id: string
      kind: MinutesVersion['kind']
      snapshot: Buffer | null
      personId: string
      at: string
    },
  ): Promise<StatusChange> {
    return this.db.transaction(async (tx): Promise<StatusChange> => {
      const changed = await tx.run(
        'UPDATE meetings SET status = $1 WHERE id = $2 AND status = $3',
        [to, meetingId, from],
      )
      if (changed === 0) {
        const found = await tx.row('SELECT 1 FROM meetings WHERE id = $1', [meetingId])
        return found ? 'unchanged' : 'missing'
      }
      await tx.run(
        `INSERT INTO minutes_versions (id, meeting_id, kind, snapshot, person_id, at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [version.id, meetingId, version.kind, version.snapshot, version.personId, version.at],
      )
      return 'changed'
    })
  }
}

async function addAttendance(q: Queries, meetingId: string, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return
  await q.run(
    `INSERT INTO meeting_attendance (meeting_id, organisation_id)
     SELECT $1, unnest($2::text[])`,
    [meetingId, organisationIds],
  )
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
    attendance: [...row.attendance].sort(),
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

const toBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
