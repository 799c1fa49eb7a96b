import type { Fanout } from '@accord/sync'
import { Redis, type RedisOptions } from 'ioredis'
import type { Logger } from 'pino'

export interface RedisFanoutOptions {
  url: string
  /** Namespaces channels (`${prefix}room:${room}`) and names the two connections. */
  prefix: string
  logger: Logger
}

/** Transport counters; the room server's own (publishes per turn, heals) are on `fanoutStats`. */
export interface RedisFanoutStats {
  published: number
  received: number
  /** Publishes dropped because the publisher was not connected, or that Redis refused. */
  dropped: number
  /** Times a connection became ready again after losing Redis. */
  reconnects: number
}

/**
 * Room fan-out over Redis pub/sub: one channel per room, binary messages, exactly two
 * connections per instance whatever the number of rooms (one publishes, one subscribes).
 * Messages lost while Redis is away are not queued: when a connection is ready again the room
 * server is told to resync, and it heals every loaded room from storage.
 */
export class RedisFanout implements Fanout {
  readonly stats: RedisFanoutStats = { published: 0, received: 0, dropped: 0, reconnects: 0 }
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly handlers = new Map<string, (message: Uint8Array) => void>()
  private readonly resyncListeners: (() => void)[] = []
  private resyncScheduled = false
  private closed = false

  constructor(private readonly options: RedisFanoutOptions) {
    const common: RedisOptions = {
      // Reconnect quickly but without hammering a Redis that is down.
      retryStrategy: (attempt) => Math.min(50 * attempt, 1000),
    }
    // Publishes fail at once while disconnected rather than piling up: healing covers them.
    this.publisher = new Redis(options.url, {
      ...common,
      connectionName: `${options.prefix}publisher`,
      enableOfflineQueue: false,
    })
    this.subscriber = new Redis(options.url, {
      ...common,
      connectionName: `${options.prefix}subscriber`,
      maxRetriesPerRequest: null,
    })
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      this.stats.received++
      this.handlers.get(channel.toString())?.(message)
    })
    this.watch(this.publisher, 'publisher')
    this.watch(this.subscriber, 'subscriber')
  }

  /** Resolves once both connections are ready; rejects if one is not within the timeout. */
  isReady(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready'
  }

  async ready(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!this.isReady()) {
      if (Date.now() > deadline) throw new Error(`Redis at ${this.options.url} is not reachable`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  /**
   * A PING on the publishing connection, for the readiness check: rejects at once while it is
   * not connected (no offline queue), so a Redis that is down fails rather than times out.
   */
  async ping(): Promise<void> {
    if (this.closed) throw new Error('the Redis fan-out is closed')
    await this.publisher.ping()
  }

  publish(room: string, message: Uint8Array): void {
    if (this.publisher.status !== 'ready') {
      this.stats.dropped++
      return
    }
    const payload = Buffer.from(message.buffer, message.byteOffset, message.byteLength)
    this.stats.published++
    this.publisher.publish(this.channel(room), payload).catch(() => this.stats.dropped++)
  }

  subscribe(room: string, onMessage: (message: Uint8Array) => void): void {
    const channel = this.channel(room)
    this.handlers.set(channel, onMessage)
    this.subscriber.subscribe(channel).catch((error: unknown) => this.failed('subscribe', error))
  }

  unsubscribe(room: string): void {
    const channel = this.channel(room)
    if (!this.handlers.delete(channel) || this.closed) return
    this.subscriber
      .unsubscribe(channel)
      .catch((error: unknown) => this.failed('unsubscribe', error))
  }

  onResync(listener: () => void): void {
    this.resyncListeners.push(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    // QUIT only where it can be sent: on a connection still retrying, it would wait in the
    // offline queue for a Redis that may never come back.
    const connections = [this.publisher, this.subscriber]
    await Promise.allSettled(connections.map((c) => (c.status === 'ready' ? c.quit() : null)))
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }

  private channel(room: string): string {
    return `${this.options.prefix}room:${room}`
  }

  private watch(connection: Redis, role: string): void {
    let connectedBefore = false
    connection.on('error', (error: Error) => {
      this.options.logger.warn({ err: error, role }, 'Redis fan-out connection error')
    })
    connection.on('ready', () => {
      if (connectedBefore) {
        this.stats.reconnects++
        this.options.logger.info({ role }, 'Redis fan-out reconnected; healing loaded rooms')
      }
      connectedBefore = true
      void this.resync(connection === this.subscriber)
    })
  }

  /**
   * Anything published while a connection was down is lost. Subscribe again to every room
   * (ioredis does so too, but gives up on commands that failed meanwhile), then let the room
   * server heal. The first `ready` counts too: rooms may have loaded before Redis answered.
   */
  private async resync(resubscribe: boolean): Promise<void> {
    if (resubscribe && this.handlers.size > 0) {
      await this.subscriber
        .subscribe(...this.handlers.keys())
        .catch((error: unknown) => this.failed('subscribe', error))
    }
    if (this.resyncScheduled || this.closed) return
    this.resyncScheduled = true
    setImmediate(() => {
      this.resyncScheduled = false
      for (const listener of this.resyncListeners) listener()
    })
  }

  private failed(command: string, error: unknown): void {
    if (this.closed) return
    this.options.logger.warn({ err: error, command }, 'Redis fan-out command failed')
  }
}
