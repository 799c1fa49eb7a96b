import type { Fanout } from '../fanout.ts'

type Listener = (message: Uint8Array) => void

/**
 * Pub/sub between room servers in one process, delivered on a later turn as a broker would.
 * `drop` decides, per published message, whether it is lost on the way to everyone.
 */
export class MemoryFanoutHub {
  private readonly subscribers = new Map<string, Set<Listener>>()
  /** Every message published, in order, whether delivered or not. */
  readonly published: { room: string; message: Uint8Array }[] = []

  constructor(private readonly drop: (message: Uint8Array) => boolean = () => false) {}

  connect(): Fanout {
    const mine = new Map<string, Listener>()
    return {
      publish: (room, message) => {
        this.published.push({ room, message })
        if (this.drop(message)) return
        const listeners = [...(this.subscribers.get(room) ?? [])]
        setImmediate(() => {
          for (const listener of listeners) listener(message)
        })
      },
      subscribe: (room, onMessage) => {
        mine.set(room, onMessage)
        const listeners = this.subscribers.get(room) ?? new Set()
        listeners.add(onMessage)
        this.subscribers.set(room, listeners)
      },
      unsubscribe: (room) => {
        const listener = mine.get(room)
        mine.delete(room)
        if (listener) this.subscribers.get(room)?.delete(listener)
      },
    }
  }
}
