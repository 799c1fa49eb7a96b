/** A secret link a calendar app polls for one organisation's due dates. */
export interface CalendarFeed {
  id: string
  coalitionId: string
  organisationId: string
  /** Person id. */
  createdBy: string
  /** ISO time */
  createdAt: string
  revokedAt: string | null
}

/** Only the sha-256 of a feed's token is kept, as for sessions and invites. */
export interface CalendarFeedStore {
  createFeed(feed: CalendarFeed & { tokenHash: string }): Promise<void>
  /** The organisation's feeds, newest first, revoked ones included. */
  listFeeds(coalitionId: string, organisationId: string): Promise<CalendarFeed[]>
  /** Stamps `revokedAt`; false if there is no such live feed. */
  revokeFeed(coalitionId: string, organisationId: string, id: string, at: string): Promise<boolean>
  /** The feed whose token hashes to this, revoked or not. */
  findFeed(tokenHash: string): Promise<CalendarFeed | undefined>
}
