import { createMiddleware } from 'hono/factory'

/**
 * `Cache-Control: no-store` on every answer it wraps, errors included. API answers carry names,
 * e-mail addresses, memberships and minutes: none may stay in a browser's disk cache on a
 * shared computer after sign-out, nor in a proxy's. A handler that sets its own Cache-Control
 * keeps it; none under /api sets anything weaker today.
 */
export function noStore() {
  return createMiddleware(async (c, next) => {
    await next()
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store')
  })
}
