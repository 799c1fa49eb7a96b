/** What the room server needs from a connection, whatever carries it (websocket, test pipe…). */
export interface Transport {
  send(message: Uint8Array): void
  close(code: number, reason: string): void
  /** Batches the writes `send` makes inside `write` into as few socket writes as possible. */
  cork?(write: () => void): void
  /**
   * Stops reading frames from the peer until `resume`: what it sends waits in the operating
   * system's buffers, then its own, while the server handles what it already has.
   */
  pause?(): void
  resume?(): void
}

/** The pino-compatible subset of a logger the room server writes to. */
export interface Logger {
  debug(details: object, message: string): void
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}
