import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { ApiError } from './api-error.ts'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** `application/json`, with parameters such as a charset or without. */
const JSON_TYPE = /^application\/json\s*(;|$)/i

/**
 * Writes must say they are JSON. A page on another site can send a form (urlencoded, multipart
 * or text/plain) without asking; to send `Content-Type: application/json` the browser must first
 * ask in a CORS preflight, which this server never grants. So, behind the Origin check and the
 * SameSite cookie, this is a third wall against cross-site writes.
 *
 * A write without a body and without a Content-Type (sign out, approve) passes: it holds
 * nothing to misread, and a browser's form always sends a type. Uploads are multipart and are
 * mounted outside this rule.
 */
export function requireJson() {
  return createMiddleware(async (c, next) => {
    if (WRITES.has(c.req.method)) {
      const type = c.req.header('content-type')
      if ((type !== undefined || hasBody(c)) && !JSON_TYPE.test(type ?? '')) {
        throw new ApiError(
          415,
          'unsupported_media_type',
          'Send this request as JSON, with the header Content-Type: application/json.',
        )
      }
    }
    await next()
  })
}

function hasBody(c: Context): boolean {
  const length = c.req.header('content-length')
  return c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0')
}
