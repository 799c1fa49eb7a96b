import { secureHeaders } from 'hono/secure-headers'

/**
 * The app's Content-Security-Policy. Minutes, names and titles are typed by anyone in a
 * coalition, so the browser is told to run only the scripts Accord itself serves: no inline
 * script, no eval, no plugins, no `<base>` that would re-point relative script URLs, and no
 * other site may frame the app (clickjacking).
 *
 * Styles allow 'unsafe-inline' because the editor needs it: Tiptap injects its own `<style>`
 * element and ProseMirror writes `style` attributes (collaboration carets take each person's
 * colour that way). A style cannot run script in a current browser; the script rules stand.
 * `data:` images are the favicon in index.html. connect-src 'self' covers the same-origin
 * websocket (`ws:`/`wss:` to the page's own host) in CSP Level 3 browsers.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

export interface SecurityHeadersOptions {
  /** PUBLIC_ORIGIN: when one is https, browsers are also told to use nothing else (HSTS). */
  publicOrigins: readonly string[] | undefined
}

/**
 * Security headers on every answer: pages, assets, API JSON, errors, exports and refused
 * websocket upgrades. A handler's own header wins (`overwrite: false`): the HTML export sets
 * a stricter CSP of its own (`default-src 'none'`), which must not be loosened to the app's.
 *
 * Referrer-Policy is strict-origin-when-cross-origin, not no-referrer: under no-referrer
 * browsers send `Origin: null` on same-origin POSTs, which the Origin check rightly refuses.
 * Cross-origin, only the origin is sent, so invite links in the address bar never leak.
 */
export function securityHeaders({ publicOrigins }: SecurityHeadersOptions) {
  const https = publicOrigins?.some((origin) => origin.startsWith('https:')) ?? false
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    // Over plain http (a laptop, a test) HSTS would be ignored at best, and wrong.
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    overwrite: false,
  })
}
