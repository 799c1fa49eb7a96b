import type { Duplex } from 'node:stream'
import type { Transport } from '@accord/sync'
import type { WebSocket } from 'ws'

/** Adapts a `ws` socket to the room server. Corking lets one fan-out become one TCP write. */
export function websocketTransport(socket: WebSocket): Transport {
  // `ws` keeps its net.Socket private; corking it is the documented way to batch frames.
  const tcp = (socket as unknown as { _socket?: Duplex })._socket
  return {
    send: (message) => {
      if (socket.readyState === socket.OPEN) socket.send(message)
    },
    close: (code, reason) => socket.close(code, reason),
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
