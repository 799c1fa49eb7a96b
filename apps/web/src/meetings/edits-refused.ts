import type { WebsocketProvider } from 'y-websocket'

/**
 * y-protocols' auth message (type 2). Accord's sync server sends it for one thing only:
 * "permission denied", once per connection, when it drops an edit from a read-only connection
 * or room (see packages/sync/src/room.ts). y-websocket's own handler just logs a warning.
 */
const AUTH_MESSAGE = 2

/**
 * Calls `listener` whenever the server refuses this connection's edits – for an editor that
 * was open when the minutes were approved, the first sign of it. Returns the undo.
 */
export function onEditsRefused(provider: WebsocketProvider, listener: () => void): () => void {
  const previous = provider.messageHandlers[AUTH_MESSAGE]
  // The payload (the reason) is not read: the cue is only to ask the API what changed.
  provider.messageHandlers[AUTH_MESSAGE] = () => listener()
  return () => {
    if (previous) provider.messageHandlers[AUTH_MESSAGE] = previous
  }
}
