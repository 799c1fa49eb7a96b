import type Database from 'better-sqlite3'
import type { EndorsementRecord, EndorsementStore } from '../../asks/endorsement-store.ts'

interface EndorsementRow {
  meeting_id: string
  ask_key: string
  organisation_id: string
  person_id: string
  person_name: string
  kind: EndorsementRecord['kind']
  at: string
}

export class SqliteEndorsementStore implements EndorsementStore {
  private readonly statements

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare<[string, string, string, string, EndorsementRecord['kind'], string]>(
        `INSERT INTO ask_endorsements (meeting_id, ask_key, organisation_id, person_id, kind, at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare<[string], EndorsementRow>(
        `SELECT e.meeting_id, e.ask_key, e.organisation_id, e.person_id, p.name AS person_name,
           e.kind, e.at
         FROM ask_endorsements e
         JOIN meetings m ON m.id = e.meeting_id
         JOIN people p ON p.id = e.person_id
         WHERE m.coalition_id = ? ORDER BY e.id`,
      ),
    }
  }

  recordEndorsement(record: EndorsementRecord): Promise<void> {
    this.statements.insert.run(
      record.meetingId,
      record.askKey,
      record.organisationId,
      record.personId,
      record.kind,
      record.at,
    )
    return Promise.resolve()
  }

  listEndorsements(coalitionId: string): Promise<(EndorsementRecord & { personName: string })[]> {
    return Promise.resolve(this.statements.list.all(coalitionId).map(toEndorsement))
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
