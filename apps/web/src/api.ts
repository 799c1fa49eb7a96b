import { meetingSchema, type Meeting, type NewMeeting } from '@accord/minutes/meeting'
import { z } from 'zod'

/**
 * Fetch helpers for the server's HTTP API. Every answer is validated, so a server and client
 * that drift apart fail here with a clear error instead of somewhere deep in the UI.
 */

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) })
const meetingBodySchema = z.object({ meeting: meetingSchema })
const meetingsBodySchema = z.object({ meetings: z.array(meetingSchema) })

/** An error answer of the API: `{ "error": { "code", "message" } }` with its HTTP status. */
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

export function listMeetings(signal?: AbortSignal): Promise<Meeting[]> {
  return request('/api/meetings', meetingsBodySchema, { signal }).then((body) => body.meetings)
}

export function getMeeting(id: string, signal?: AbortSignal): Promise<Meeting> {
  return request(`/api/meetings/${encodeURIComponent(id)}`, meetingBodySchema, { signal }).then(
    (body) => body.meeting,
  )
}

export function createMeeting(input: NewMeeting): Promise<Meeting> {
  return request('/api/meetings', meetingBodySchema, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  }).then((body) => body.meeting)
}

/** A sentence to show a person for any error these helpers throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Could not reach the server. Check your connection and try again.'
}

async function request<T extends z.ZodType>(
  path: string,
  schema: T,
  init: RequestInit,
): Promise<z.output<T>> {
  const response = await fetch(path, {
    ...init,
    headers: { Accept: 'application/json', ...init.headers },
  })
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body)
    if (parsed.success) {
      throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message)
    }
    throw new ApiError(response.status, 'http_error', `The server answered ${response.status}.`)
  }
  return schema.parse(body)
}
