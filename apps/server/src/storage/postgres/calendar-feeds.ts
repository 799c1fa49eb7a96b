import type { CalendarFeed, CalendarFeedStore } from '../../calendar/calendar-feed-store.ts'
import type { Database } from './database.ts'

interface CalendarFeedRow {
  id: string
  coalition_id: string
  organisation_id: string
  created_by: string
  created_at: string
  revoked_at: string | null
}

const columns = 'id, coalition_id, organisation_id, created_by, created_at, revoked_at'

export class PostgresCalendarFeedStore implements CalendarFeedStore {
  constructor(private readonly db: Database) {}

  async createFeed(feed: CalendarFeed & { tokenHash: string }): Promise<void> {
    await this.db.run(
      `INSERT INTO calendar_feeds (id, token_hash, coalition_id, organisation_id, created_by,
         created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        feed.id,
        feed.tokenHash,
        feed.coalitionId,
        feed.organisationId,
        feed.createdBy,
        feed.createdAt,
      ],
    )
  }

  async listFeeds(coalitionId: string, organisationId: string): Promise<CalendarFeed[]> {
    const rows = await this.db.rows<CalendarFeedRow>(
      `SELECT ${columns} FROM calendar_feeds WHERE coalition_id = $1 AND organisation_id = $2
       ORDER BY created_at DESC`,
      [coalitionId, organisationId],
    )
    return rows.map(toFeed)
  }

  async revokeFeed(
    coalitionId: string,
    organisationId: string,
    id: string,
    at: string,
  ): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE calendar_feeds SET revoked_at = $1
       WHERE coalition_id = $2 AND organisation_id = $3 AND id = $4 AND revoked_at IS NULL`,
      [at, coalitionId, organisationId, id],
    )
    return changed > 0
  }

  async findFeed(tokenHash: string): Promise<CalendarFeed | undefined> {
    const row = await this.db.row<CalendarFeedRow>(
      `SELECT ${columns} FROM calendar_feeds WHERE token_hash = $1`,
      [tokenHash],
    )
    return row && toFeed(row)
  }
}

function toFeed(row: CalendarFeedRow): CalendarFeed {
  return {
    id: row.id,
    coalitionId: row.coalition_id,
    organisationId: row.organisation_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }
}
