import type { AccordClient, ApiAnswer, LooseJson } from './accord-client.ts'

/** A form field of an import: text, or a file with its name. */
export type ImportField = string | { name: string; content: Uint8Array<ArrayBuffer> | string }

const importPath = (coalitionId: string) => `/api/coalitions/${coalitionId}/meetings/import`

/** Posts the import form as a browser would: multipart, with the person's session cookie. */
export async function postImport<T = LooseJson>(
  person: AccordClient,
  coalitionId: string,
  fields: Record<string, ImportField>,
): Promise<ApiAnswer<T>> {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(key, value)
    else form.append(key, new Blob([value.content]), value.name)
  }
  const response = await fetch(`${person.baseUrl}${importPath(coalitionId)}`, {
    method: 'POST',
    body: form,
    // The server answers 413 before reading an upload and then drops the connection: no
    // later request may be sent on it.
    headers: { connection: 'close', ...(person.cookie ? { cookie: person.cookie } : {}) },
  })
  return answerOf<T>(response)
}

async function answerOf<T>(response: Response): Promise<ApiAnswer<T>> {
  const text = await response.text()
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    headers: response.headers,
  }
}

export interface HeldImport {
  /** The server's answer: early, without the rest of the form, when it refuses the import. */
  answer: Promise<ApiAnswer<LooseJson>>
  /** Sends the rest of the form; the answer follows. */
  finish(): void
}

/**
 * Starts an import whose upload stays unfinished until `finish()`: the server has the request
 * and the person's session, but not the whole file. For tests of what happens meanwhile.
 */
export function holdImport(
  person: AccordClient,
  coalitionId: string,
  fields: { text: string; date: string },
): HeldImport {
  const boundary = `held-${Math.random().toString(36).slice(2)}`
  const encoder = new TextEncoder()
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="date"\r\n\r\n${fields.date}\r\n`,
  )
  const rest = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="held.txt"\r\n` +
      `Content-Type: text/plain\r\n\r\n${fields.text}\r\n--${boundary}--\r\n`,
  )
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(head)
      await released
      controller.enqueue(rest)
      controller.close()
    },
  })
  // Node's fetch streams a body only with duplex 'half', which lib.dom's RequestInit lacks.
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    body,
    duplex: 'half',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      // As a browser sends a form: its length up front (a body of unknown length would be
      // read whole by the body limit before the route saw it).
      'content-length': String(head.length + rest.length),
      connection: 'close',
      ...(person.cookie ? { cookie: person.cookie } : {}),
    },
  }
  const answer = fetch(`${person.baseUrl}${importPath(coalitionId)}`, init).then((response) =>
    answerOf<LooseJson>(response),
  )
  return { answer, finish: release }
}
