import type { EndorsementRecord, EndorsementStore } from '../../asks/endorsement-store.ts'
import type { Database } from './database.ts'

interface EndorsementRow {
  meeting_id: string
  ask_key: string
  organisation_id: string
  person_id: string
  person_name: string
  kind: EndorsementRecord['kind']
  at: string
}

export class PostgresEndorsementStore implements EndorsementStore {
  constructor(private readonly db: Database) {}

  async recordEndorsement(record: EndorsementRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO ask_endorsements (meeting_id, ask_key, organisation_id, person_id, kind, at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        record.meetingId,
        record.askKey,
        record.organisationId,
        record.personId,
        record.kind,
        record.at,
      ],
    )
  }

  /**
   * By id: each record is its own one-statement transaction, so ids come in the order the
   * records were written, save two written at the same moment.
   */
  async listEndorsements(
    coalitionId: string,
  ): Promise<(EndorsementRecord & { personName: string })[]> {
    const rows = await this.db.rows<EndorsementRow>(
      `SELECT e.meeting_id, e.ask_key, e.organisation_id, e.person_id, p.name AS person_name,
         e.kind, e.at
       FROM ask_endorsements e
       JOIN meetings m ON m.id = e.meeting_id
       JOIN people p ON p.id = e.person_id
       WHERE m.coalition_id = $1 ORDER BY e.id`,
      [coalitionId],
    )
    return rows.map(toEndorsement)
  }
}

function toEndorsement(row: EndorsementRow): EndorsementRecord & { personName: string } {
  return {
    meetingId: row.meeting_id,
    askKey: row.ask_key,
    organisationId: row.organisation_id,
    personId: row.person_id,
    personName: row.person_name,
    kind: row.kind,
    at: row.at,
  }
}
