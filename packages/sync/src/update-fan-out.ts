import * as Y from 'yjs'
import { encodeSyncMessage, SyncMessageType } from './protocol.ts'

/**
 * Merges one batch's updates once per distinct audience: connections that sent nothing get
 * everything; a sender gets everything but its own updates, never an echo. Merging costs in
 * proportion to the bytes merged (Y.mergeUpdates re-encodes them), so a batch of large updates
 * (pastes) goes out unmerged, one message per update, each encoded once for everyone.
 */
export class UpdateFanOut {
  private readonly messages = new Map<unknown, Uint8Array[]>()
  private readonly origins: Set<unknown>
  private readonly alone = new Map<number, Uint8Array>()

  constructor(private readonly outgoing: readonly { update: Uint8Array; origin: unknown }[]) {
    this.origins = new Set(outgoing.map((entry) => entry.origin))
  }

  /** What to send `connection`: the others' updates, merged when small. */
  messagesFor(connection: unknown): Uint8Array[] {
    // Everyone who sent nothing in this batch gets the same messages.
    const audience = this.origins.has(connection) ? connection : EVERYONE
    let messages = this.messages.get(audience)
    if (messages === undefined) {
      const indices: number[] = []
      this.outgoing.forEach((entry, i) => entry.origin !== connection && indices.push(i))
      messages = this.encode(indices)
      this.messages.set(audience, messages)
    }
    return messages
  }

  private encode(indices: readonly number[]): Uint8Array[] {
    let bytes = 0
    for (const i of indices) bytes += this.outgoing[i]!.update.byteLength
    if (indices.length === 1 || (indices.length > 1 && bytes > MAX_MERGED_BYTES)) {
      return indices.map((i) => this.encodeAlone(i))
    }
    if (indices.length === 0) return []
    const merged = Y.mergeUpdates(indices.map((i) => this.outgoing[i]!.update))
    return [encodeSyncMessage(SyncMessageType.Update, merged)]
  }

  private encodeAlone(i: number): Uint8Array {
    let message = this.alone.get(i)
    if (!message) {
      message = encodeSyncMessage(SyncMessageType.Update, this.outgoing[i]!.update)
      this.alone.set(i, message)
    }
    return message
  }
}

/** The audience of connections that sent nothing in a batch. */
const EVERYONE = Symbol('everyone')
/** A batch of updates larger than this is sent unmerged (see UpdateFanOut). */
const MAX_MERGED_BYTES = 64 * 1024
