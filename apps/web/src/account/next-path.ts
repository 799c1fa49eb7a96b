/**
 * Where to go after signing in or up, from `?next=`. Only a path on this site: it must start
 * with a single '/', since '//host' and '/\host' are other sites to a browser, and carry no
 * backslash or control character, which browsers drop or turn into '/' while parsing.
 */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return null
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null
  return value
}

/** `/sign-in?next=…` (or sign-up) that brings the person back to `next` afterwards. */
export function withNext(page: '/sign-in' | '/sign-up', next: string | null): string {
  return next ? `${page}?next=${encodeURIComponent(next)}` : page
}
