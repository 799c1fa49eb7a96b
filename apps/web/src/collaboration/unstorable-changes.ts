import { CloseCode, type SaveStatus } from '@accord/sync/client'
import type { WebsocketProvider } from 'y-websocket'

/** Why the server will not store this browser's changes. */
export type Unstorable =
  /** Close code 1009: one change is larger than MAX_MESSAGE_BYTES. */
  | { kind: 'too-large' }
  /** Close code 1007, with the server's reason: content the minutes cannot hold, say. */
  | { kind: 'refused'; reason: string }

/**
 * Tells `listener` when the server refuses this browser's changes, and `null` once everything
 * is saved. The provider reconnects and sends them again each time, so without a word to the
 * person the page would sit on "Saving…" for ever. Undo does not help: the CRDT keeps the
 * inserted content, so the next sync carries it again.
 *
 * A change too large is reported at once. An invalid one only once the new connection refuses
 * it too: a change building on content the server has not received yet (another tab's, or
 * another instance's) is refused once, then goes through on the reconnect, whose step 2 brings
 * what it lacked.
 */
export function watchUnstorableChanges(
  provider: WebsocketProvider,
  saveStatus: SaveStatus,
  listener: (unstorable: Unstorable | null) => void,
): () => void {
  let invalidInARow = 0
  const onClose = (event: CloseEvent | null) => {
    if (event?.code === CloseCode.MessageTooBig) listener({ kind: 'too-large' })
    else if (event?.code === CloseCode.InvalidPayload && ++invalidInARow >= 2) {
      listener({ kind: 'refused', reason: event.reason })
    }
  }
  provider.on('connection-close', onClose)
  const stopWatchingSaves = saveStatus.onChange((saved) => {
    if (!saved) return
    invalidInARow = 0
    listener(null)
  })
  return () => {
    provider.off('connection-close', onClose)
    stopWatchingSaves()
  }
}
