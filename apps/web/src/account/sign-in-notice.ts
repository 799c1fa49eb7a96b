/**
 * A sentence for the sign-in page carried in the router's location state, so it survives the
 * redirect but never appears in a URL anyone could forge or bookmark.
 */
export const SESSION_ENDED_NOTICE = 'Your session has ended. Sign in again.'

/** The same, when this browser holds edits that never reached the server (local-copies.ts). */
export const SESSION_ENDED_KEPT_NOTICE =
  'Your session has ended. Sign in again: the changes that had not reached the server are kept ' +
  'on this browser and sent once you are signed in.'

export interface SignInState {
  notice: string
}

export function readNotice(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null
  const notice: unknown = (state as Partial<SignInState>).notice
  return typeof notice === 'string' ? notice : null
}
