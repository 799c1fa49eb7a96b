import { z } from 'zod'

/**
 * The one way the client talks to the server's HTTP API. Every answer is validated, so a server
 * and client that drift apart fail here with a clear error instead of somewhere deep in the UI.
 * Errors arrive as `{ "error": { "code", "message" } }` and become an ApiError.
 */

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

/** An error answer of the API with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function isApiError(error: unknown, status: number, code?: string): error is ApiError {
  return error instanceof ApiError && error.status === status && (!code || error.code === code)
}

/** A sentence to show a person for any error these helpers throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Could not reach the server. Check your connection and try again.'
}

const sessionEndedListeners = new Set<() => void>()

/**
 * Runs `listener` whenever the server answers 401 `unauthenticated`: the session cookie is gone
 * or ended. The session context listens, so any page learns at once that it must sign in again.
 */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener)
  return () => sessionEndedListeners.delete(listener)
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

interface Options {
  method?: Method
  /** Sent as JSON, except form data, which is sent as multipart/form-data (for uploads). */
  body?: unknown
  signal?: AbortSignal
}

/** Calls the API and validates the JSON answer with `schema`. */
export async function request<T extends z.ZodType>(
  path: string,
  schema: T,
  options: Options = {},
): Promise<z.output<T>> {
  const response = await send(path, options)
  return schema.parse(await response.json())
}

/** Calls the API for an answer with no body (204). */
export async function requestEmpty(path: string, options: Options = {}): Promise<void> {
  await send(path, options)
}

async function send(path: string, { method = 'GET', body, signal }: Options): Promise<Response> {
  const isForm = body instanceof FormData
  const response = await fetch(path, {
    method,
    signal,
    headers: {
      Accept: 'application/json',
      // The browser sets a multipart Content-Type, with its boundary, for form data.
      ...(body === undefined || isForm ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  })
  if (response.ok) return response
  throw errorFromBody(response.status, await response.json().catch(() => undefined))
}

/** The ApiError for an error answer's status and JSON body; tells listeners a session ended. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body)
  const error = parsed.success
    ? new ApiError(status, parsed.data.error.code, parsed.data.error.message)
    : new ApiError(status, 'http_error', `The server answered ${status}.`)
  if (error.status === 401 && error.code === 'unauthenticated') {
    for (const listener of sessionEndedListeners) listener()
  }
  return error
}

/** A path segment from an id the URL gave us: never trusted to be URL-safe. */
export function segment(id: string): string {
  return encodeURIComponent(id)
}
