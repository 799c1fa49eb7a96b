import type { Server, ServerOptions } from 'node:http'
import type { Socket } from 'node:net'

/**
 * How often Node looks for connections past the timeout. Its default, 30 s, would let one wait
 * 35 s; a scan of the open connections each second is cheap even with thousands of them.
 */
const CHECK_EVERY_MS = 1000
/** Timed-out connections closed per turn of the event loop; the rest wait for the next turn. */
const CLOSES_PER_TURN = 20

const REQUEST_TIMEOUT = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n'
const HEADERS_TOO_LARGE =
  'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n'
const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n'

/**
 * A connection that has not sent its request headers within `timeoutMs` (one that sends
 * nothing, or a slowloris dribbling headers) is closed, and so is a keep-alive connection idle
 * that long. Node's defaults hold either for a minute or more.
 */
export function handshakeTimeouts(timeoutMs: number): ServerOptions {
  return {
    headersTimeout: timeoutMs,
    keepAliveTimeout: timeoutMs,
    connectionsCheckingInterval: CHECK_EVERY_MS,
  }
}

/**
 * Node closes every connection found past the timeout in one go, building an Error for each:
 * a flood opened in a burst times out in a burst, and closing a thousand at once blocked the
 * event loop for 100–300 ms, which every person in a meeting felt as a stalled edit. Here they
 * are closed a batch per turn, so the loop answers everyone else in between. Any other client
 * error gets Node's own answer.
 */
export function closeTimedOutInBatches(server: Server): void {
  const timedOut: Socket[] = []
  const closeBatch = () => {
    for (const socket of timedOut.splice(0, CLOSES_PER_TURN)) {
      answerAndClose(socket, REQUEST_TIMEOUT)
    }
    if (timedOut.length > 0) setImmediate(closeBatch)
  }
  // Node has already given the socket an error listener that ignores further errors.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      if (timedOut.push(socket) === 1) setImmediate(closeBatch)
      return
    }
    answerAndClose(socket, error.code === 'HPE_HEADER_OVERFLOW' ? HEADERS_TOO_LARGE : BAD_REQUEST)
  })
}

/** Answers only a connection nothing was written to yet: never in the middle of a response. */
function answerAndClose(socket: Socket, answer: string) {
  if (socket.writable && socket.bytesWritten === 0) socket.write(answer)
  socket.destroy()
}
