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
    pause: () => socket.pause(),
    resume: () => socket.resume(),
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
