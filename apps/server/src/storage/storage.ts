import type { DocumentStore } from '@accord/sync'
import type { AccountStore } from '../accounts/account-store.ts'
import type { EndorsementStore } from '../asks/endorsement-store.ts'
import type { CalendarFeedStore } from '../calendar/calendar-feed-store.ts'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import type { InviteStore } from '../invites/invite-store.ts'
import type { DocumentLocks } from './document-locks.ts'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import type { ProjectionStore } from '../projection/projection-store.ts'

/**
 * Everything the server keeps, whichever engine keeps it (SQLite or PostgreSQL, see
 * open-storage.ts). The document methods resolve only once the write is committed: the sync
 * layer acknowledges an edit as saved after `append` resolves. Its document locks keep
 * compaction and projection to one instance at a time among those sharing it.
 */
export interface Storage extends DocumentStore, DocumentLocks {
  readonly accounts: AccountStore
  readonly coalitions: CoalitionStore
  readonly invites: InviteStore
  readonly meetings: MeetingStore
  readonly projection: ProjectionStore
  readonly endorsements: EndorsementStore
  readonly calendarFeeds: CalendarFeedStore
  /** Resolves when the database answers a query; for readiness checks. */
  ping(): Promise<void>
  close(): Promise<void>
}
