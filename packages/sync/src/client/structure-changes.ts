import type { WebsocketProvider } from 'y-websocket'
import { MessageType, readStructureChanged } from '../protocol.ts'

type Listener = (version: number) => void

/**
 * Handles the server's "structure changed" messages (type 65, see PROTOCOL.md) on one provider
 * and tells listeners the new version. Create it right after the provider: y-websocket logs an
 * error for every message type nobody handles.
 */
export class StructureChanges {
  /** The newest version announced on this provider; 0 before any. */
  version = 0
  private readonly listeners = new Set<Listener>()

  constructor(provider: WebsocketProvider) {
    provider.messageHandlers[MessageType.StructureChanged] = (_encoder, decoder) => {
      const version = readStructureChanged(decoder)
      if (version > this.version) this.version = version
      for (const listener of this.listeners) listener(version)
    }
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.listeners.clear()
  }
}
