import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Logger } from 'pino'

/** The one error type of the HTTP API; it renders as `{ "error": { "code", "message" } }`. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(status, { message, cause: options?.cause })
    this.headers = options?.headers
  }

  readonly headers: Record<string, string> | undefined
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } }
}

export function handleError(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof ApiError) {
      return c.json(errorBody(error.code, error.message), error.status, error.headers)
    }
    if (error instanceof HTTPException) {
      const status = error.status
      return c.json(errorBody(status === 413 ? 'too_large' : 'http_error', error.message), status)
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error')
    return c.json(errorBody('internal', 'Something went wrong on the server; try again.'), 500)
  }
}
