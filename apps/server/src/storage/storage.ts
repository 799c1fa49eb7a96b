import type { DocumentStore } from '@accord/sync'
import type { AccountStore } from '../accounts/account-store.ts'
import type { EndorsementStore } from '../asks/endorsement-store.ts'
import type { CalendarFeedStore } from '../calendar/calendar-feed-store.ts'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import type { InviteStore } from '../invites/invite-store.ts'
import type { DocumentLocks } from './document-locks.ts'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import type { ProjectionStore } from '../projection/projection-store.ts'

/** A document's stored updates and the revision they make up (see loadWithRevision). */
export interface RevisedDocument {
  updates: Uint8Array[]
  revision: number
}

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
  /**
   * The document's updates and its revision, read in one snapshot. Every append moves the
   * document's revision in its own transaction (compaction does not: it changes no content),
   * so these updates hold exactly what was stored up to that revision. A document never written
   * is at revision 0, with no updates. Projections record the revision they read.
   */
  loadWithRevision(docName: string): Promise<RevisedDocument>
  /** Resolves when the database answers a query; for readiness checks. */
  ping(): Promise<void>
  close(): Promise<void>
}
