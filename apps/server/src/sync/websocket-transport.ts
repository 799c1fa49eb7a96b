import type { Duplex } from 'node:stream'
import type { Transport } from '@accord/sync'
import type { Logger } from 'pino'
import type { WebSocket } from 'ws'

/**
 * Adapts a `ws` socket to the room server. Corking lets one fan-out become one TCP write.
 * A reader that stops reading would make the server buffer everyone's edits for it without
 * end; past `maxBufferedBytes` it is dropped instead, and its client reconnects and catches up
 * through the sync handshake.
 */
export function websocketTransport(
  socket: WebSocket,
  { maxBufferedBytes, logger }: { maxBufferedBytes: number; logger: Logger },
): Transport {
  // `ws` keeps its net.Socket private; corking it is the documented way to batch frames.
  const tcp = (socket as unknown as { _socket?: Duplex })._socket
  let releaseReading: (() => void) | undefined
  return {
    send: (message) => {
      if (socket.readyState !== socket.OPEN) return
      if (socket.bufferedAmount > maxBufferedBytes) {
        logger.warn({ buffered: socket.bufferedAmount }, 'dropping a socket that stopped reading')
        // A close frame would queue behind everything it failed to read: cut it off now.
        socket.terminate()
        return
      }
      socket.send(message)
    },
    close: (code, reason) => socket.close(code, reason),
    pause: () => {
      releaseReading ??= holdReading(socket)
    },
    resume: () => {
      releaseReading?.()
      releaseReading = undefined
    },
    cork: tcp
      ? (write) => {
          tcp.cork()
          try {
            write()
          } finally {
            tcp.uncork()
          }
        }
      : undefined,
  }
}

/** Reasons each socket is not being read for: it is read again once none is left. */
const holds = new WeakMap<WebSocket, number>()

/**
 * Stops reading the socket until the returned function is called. The room server (frames
 * waiting) and the edit budget (a person over it) each hold a socket for reasons of their own.
 */
export function holdReading(socket: WebSocket): () => void {
  const count = holds.get(socket) ?? 0
  holds.set(socket, count + 1)
  if (count === 0) socket.pause()
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (holds.get(socket) ?? 1) - 1
    holds.set(socket, left)
    if (left === 0) socket.resume()
  }
}
