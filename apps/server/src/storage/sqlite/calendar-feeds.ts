import type Database from 'better-sqlite3'
import type { CalendarFeed, CalendarFeedStore } from '../../calendar/calendar-feed-store.ts'

interface CalendarFeedRow {
  id: string
  coalition_id: string
  organisation_id: string
  created_by: string
  created_at: string
  revoked_at: string | null
}

const columns = 'id, coalition_id, organisation_id, created_by, created_at, revoked_at'

export class SqliteCalendarFeedStore implements CalendarFeedStore {
  private readonly statements

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare<[string, string, string, string, string, string]>(
        `INSERT INTO calendar_feeds (id, token_hash, coalition_id, organisation_id, created_by,
           created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare<[string, string], CalendarFeedRow>(
        `SELECT ${columns} FROM calendar_feeds WHERE coalition_id = ? AND organisation_id = ?
         ORDER BY created_at DESC`,
      ),
      revoke: db.prepare<[string, string, string, string]>(
        `UPDATE calendar_feeds SET revoked_at = ?
         WHERE coalition_id = ? AND organisation_id = ? AND id = ? AND revoked_at IS NULL`,
      ),
      byTokenHash: db.prepare<[string], CalendarFeedRow>(
        `SELECT ${columns} FROM calendar_feeds WHERE token_hash = ?`,
      ),
    }
  }

  createFeed(feed: CalendarFeed & { tokenHash: string }): Promise<void> {
    this.statements.insert.run(
      feed.id,
      feed.tokenHash,
      feed.coalitionId,
      feed.organisationId,
      feed.createdBy,
      feed.createdAt,
    )
    return Promise.resolve()
  }

  listFeeds(coalitionId: string, organisationId: string): Promise<CalendarFeed[]> {
    return Promise.resolve(this.statements.list.all(coalitionId, organisationId).map(toFeed))
  }

  revokeFeed(
    coalitionId: string,
    organisationId: string,
    id: string,
    at: string,
  ): Promise<boolean> {
    return Promise.resolve(
      this.statements.revoke.run(at, coalitionId, organisationId, id).changes > 0,
    )
  }

  findFeed(tokenHash: string): Promise<CalendarFeed | undefined> {
    const row = this.statements.byTokenHash.get(tokenHash)
    return Promise.resolve(row && toFeed(row))
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
