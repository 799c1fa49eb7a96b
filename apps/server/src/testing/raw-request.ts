import http from 'node:http'

export interface RawAnswer {
  status: number
  headers: Headers
  body: string
}

export interface RawRequest {
  method?: string
  /** Sent exactly as given, Host included; fetch() would not send a Host of the test's choosing. */
  headers?: Record<string, string>
  body?: string
}

/**
 * One HTTP request with headers as a test writes them, such as the Host a DNS-rebound browser
 * sends or a websocket upgrade. An upgrade the server accepts answers 101 and its socket is
 * closed at once: the test only wants to know it was let in.
 */
export function rawRequest(url: string, { method = 'GET', headers = {}, body }: RawRequest = {}) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const request = http.request(url, { method, headers, setHost: !hasHost(headers) })
    request.on('error', reject)
    request.on('upgrade', (response, socket) => {
      socket.destroy()
      resolve({ status: response.statusCode ?? 0, headers: headersOf(response), body: '' })
    })
    request.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: headersOf(response), body: text }),
      )
    })
    request.end(body)
  })
}

/** The headers a websocket client sends to open a connection, for rawRequest to send. */
export function upgradeHeaders(): Record<string, string> {
  return {
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': Buffer.from('accord-raw-test!').toString('base64'),
  }
}

function hasHost(headers: Record<string, string>): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === 'host')
}

function headersOf(response: http.IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(response.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const one of value) headers.append(name, one)
  }
  return headers
}
