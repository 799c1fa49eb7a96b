import { SaveStatus, StructureChanges } from '@accord/sync/client'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { localCopyName, recordLocalCopy } from './local-copies.ts'

/**
 * Everything one open meeting needs to collaborate: the document, its local copy in IndexedDB,
 * the connection to the server and the save status. Created and destroyed as one unit so React
 * effects (which StrictMode runs twice) can never leave a socket or database open.
 */
export class CollaborationSession {
  readonly doc = new Y.Doc()
  readonly persistence: IndexeddbPersistence
  readonly provider: WebsocketProvider
  readonly saveStatus: SaveStatus
  /** The server's "structure changed" messages (type 65). */
  readonly structure: StructureChanges
  /** Resolves once the minutes have loaded, from this browser's copy or from the server. */
  readonly loaded: Promise<void>

  constructor(
    readonly meetingId: string,
    readonly personId: string,
  ) {
    // The local copy keeps edits made offline across reloads; the provider sends them when the
    // socket is back, because they are part of the document the server has not seen. It is
    // per person: two accounts in one browser must never send each other's unsaved edits.
    // Recorded first, so that sign-out finds it even if this page closes while it opens.
    recordLocalCopy(personId, meetingId)
    this.persistence = new IndexeddbPersistence(localCopyName(personId, meetingId), this.doc)
    // Connecting while the browser knows it is offline only burns retries; 'online' connects.
    this.provider = new WebsocketProvider(syncUrl(), meetingId, this.doc, {
      connect: navigator.onLine,
    })
    // Straight after the provider: SaveStatus's update handler must run after the provider's.
    this.saveStatus = new SaveStatus(this.provider)
    this.structure = new StructureChanges(this.provider)
    this.loaded = new Promise((resolve) => {
      // y-indexeddb never settles `whenSynced` if IndexedDB is unavailable, so the server's
      // sync also counts; either way the editor then starts from the real content.
      void this.persistence.whenSynced.then(() => resolve())
      this.provider.once('sync', () => resolve())
    })
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    this.saveStatus.destroy()
    this.structure.destroy()
    this.provider.destroy()
    // Closing the database fails if it never opened; there is nothing left to clean up then.
    this.persistence.destroy().catch(() => undefined)
    this.doc.destroy()
  }

  // A dropped network can leave a socket looking open for a long time. Disconnecting when the
  // browser says it is offline shows the truth at once; 'online' starts a fresh connection.
  private readonly onOffline = () => this.provider.disconnect()
  private readonly onOnline = () => this.provider.connect()
}

function syncUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/sync`
}
