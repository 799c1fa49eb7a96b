import { createMiddleware } from 'hono/factory'
import { ApiError } from './api-error.ts'

/**
 * Whether a browser request's Origin may act here. With PUBLIC_ORIGIN set, only those
 * origins; without it, only the origin the request was addressed to (same-origin). Requests
 * without an Origin do not come from a web page (browsers always send one on websocket
 * upgrades and cross-site writes), so there is no page to forge them; the literal "null"
 * origin of sandboxed frames and file pages is refused.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowlist: readonly string[] | undefined,
): boolean {
  if (origin === undefined) return true
  if (allowlist) return allowlist.includes(origin)
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Refuses API writes from other sites' pages, on top of the SameSite cookie. */
export function checkOrigin(allowlist: readonly string[] | undefined) {
  return createMiddleware(async (c, next) => {
    if (
      !SAFE_METHODS.has(c.req.method) &&
      !originAllowed(c.req.header('origin'), c.req.header('host'), allowlist)
    ) {
      throw new ApiError(403, 'bad_origin', 'Requests from this site are not allowed.')
    }
    await next()
  })
}
