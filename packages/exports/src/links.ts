// Links written into exports. Ledger links are relative paths into the web app; the caller, who
// knows where Accord is served, may pass an origin to make them absolute (a calendar or a
// spreadsheet opened elsewhere cannot resolve a relative path).

/** The path of an action in the meeting that holds it, as the web app routes it. */
export function actionPath(meetingId: string, actionKey: string): string {
  return `/meetings/${encodeURIComponent(meetingId)}#action-${encodeURIComponent(actionKey)}`
}

/** `path` under `origin` (e.g. "https://accord.example.org"), or the path itself without one. */
export function withOrigin(path: string, origin?: string): string {
  return origin ? `${origin.replace(/\/+$/, '')}${path}` : path
}

/**
 * The href of a link in the minutes when it is safe to keep: http(s) and mailto only. Anything
 * else (`javascript:`, `data:`, relative paths that would resolve against the reader's disk)
 * is shown as text instead.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const trimmed = href.trim()
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : null
}
