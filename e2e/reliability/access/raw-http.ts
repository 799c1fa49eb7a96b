import { randomBytes } from 'node:crypto'
import net from 'node:net'

/**
 * HTTP/1.1 written byte for byte over a TCP socket. An attacker is not limited to what fetch or
 * `ws` will send: they normalise paths (`..`, `%2e%2e`) and refuse unusual header bytes, so
 * requests built here reach the server exactly as written.
 */

/** What came back: the status line, the headers, and everything after them. */
export interface RawAnswer {
  status: number
  headers: Record<string, string>
  /** The response body, or for a 101 the websocket frames that followed it. */
  rest: Buffer
  /** Every byte received, headers included. */
  raw: Buffer
  /** Whether the server closed the connection before we stopped listening. */
  ended: boolean
}

export interface RawRequest {
  method?: string
  /** Sent as is, without any normalisation or encoding. */
  target: string
  /** Each header one line, in order; a value may be any bytes (a Buffer for non-UTF-8). */
  headers?: [string, string | Buffer][]
  body?: string
  /** A websocket upgrade: adds Connection, Upgrade, Sec-WebSocket-Key and -Version. */
  upgrade?: boolean
  /** Frames to send straight after the request, before any answer, as an eager client would. */
  framesAfter?: Uint8Array[]
  /** How long to keep listening after the headers (for a 101: to collect frames). */
  lingerMs?: number
}

/** Sends one request to `port` on 127.0.0.1 and collects the answer. */
export function rawRequest(port: number, request: RawRequest): Promise<RawAnswer> {
  const lines: Buffer[] = [
    Buffer.from(`${request.method ?? 'GET'} ${request.target} HTTP/1.1\r\n`, 'latin1'),
    Buffer.from(`Host: 127.0.0.1:${port}\r\n`),
  ]
  if (request.upgrade) {
    lines.push(
      Buffer.from(
        'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n' +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n`,
      ),
    )
  } else {
    lines.push(Buffer.from('Connection: close\r\n'))
  }
  for (const [name, value] of request.headers ?? []) {
    lines.push(Buffer.from(`${name}: `), Buffer.from(value), Buffer.from('\r\n'))
  }
  if (request.body !== undefined) {
    lines.push(Buffer.from(`Content-Length: ${Buffer.byteLength(request.body)}\r\n`))
  }
  lines.push(Buffer.from('\r\n'))
  if (request.body !== undefined) lines.push(Buffer.from(request.body))

  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    let timer: NodeJS.Timeout | undefined
    let ended = false
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      socket.destroy()
      const raw = Buffer.concat(chunks)
      const split = raw.indexOf('\r\n\r\n')
      if (split < 0) {
        reject(new Error(`no complete HTTP answer to ${request.target}: ${raw.toString('latin1')}`))
        return
      }
      const [statusLine, ...headerLines] = raw.subarray(0, split).toString('latin1').split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of headerLines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0),
        headers,
        rest: raw.subarray(split + 4),
        raw,
        ended,
      })
    }
    socket.on('connect', () => {
      socket.write(Buffer.concat(lines))
      for (const frame of request.framesAfter ?? []) socket.write(maskedFrame(frame))
    })
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      // An upgraded socket the server has closed says no more: the close frame is the answer.
      if (request.upgrade && closedAfterUpgrade(Buffer.concat(chunks))) return finish()
      // Once the headers are in, listen a little longer for what follows, then stop.
      if (timer === undefined && Buffer.concat(chunks).includes('\r\n\r\n')) {
        timer = setTimeout(finish, request.lingerMs ?? 300)
      }
    })
    socket.on('end', () => {
      ended = true
      finish()
    })
    socket.on('error', (error) => {
      if (chunks.length > 0) finish()
      else reject(error)
    })
  })
}

function closedAfterUpgrade(bytes: Buffer): boolean {
  const split = bytes.indexOf('\r\n\r\n')
  if (split < 0 || !bytes.subarray(0, 12).toString('latin1').includes(' 101')) return false
  return serverFrames(bytes.subarray(split + 4)).some((frame) => frame.kind === 'close')
}

/** A binary websocket frame from client to server: FIN, opcode 2, masked as RFC 6455 requires. */
function maskedFrame(payload: Uint8Array): Buffer {
  const mask = randomBytes(4)
  const length = payload.length
  const header =
    length < 126
      ? Buffer.from([0x82, 0x80 | length])
      : length < 65536
        ? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff])
        : (() => {
            const big = Buffer.alloc(10)
            big[0] = 0x82
            big[1] = 0x80 | 127
            big.writeBigUInt64BE(BigInt(length), 2)
            return big
          })()
  const body = Buffer.alloc(length)
  for (let i = 0; i < length; i++) body[i] = payload[i]! ^ mask[i % 4]!
  return Buffer.concat([header, mask, body])
}

/** A frame from server to client (never masked). */
export type ServerFrame = { kind: 'binary'; payload: Buffer } | { kind: 'close'; code: number }

/** Reads the unmasked frames a server sent after its 101; a partial last frame is left out. */
export function serverFrames(bytes: Buffer): ServerFrame[] {
  const frames: ServerFrame[] = []
  let at = 0
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at]! & 0x0f
    let length = bytes[at + 1]! & 0x7f
    let start = at + 2
    if (length === 126) {
      length = bytes.readUInt16BE(at + 2)
      start = at + 4
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(at + 2))
      start = at + 10
    }
    if (start + length > bytes.length) break
    const payload = bytes.subarray(start, start + length)
    if (opcode === 0x8)
      frames.push({ kind: 'close', code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005 })
    else if (opcode === 0x2) frames.push({ kind: 'binary', payload })
    at = start + length
  }
  return frames
}
