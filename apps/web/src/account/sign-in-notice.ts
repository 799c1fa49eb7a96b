/**
 * A sentence for the sign-in page carried in the router's location state, so it survives the
 * redirect but never appears in a URL anyone could forge or bookmark.
 */
export const SESSION_ENDED_NOTICE = 'Your session has ended. Sign in again.'

export interface SignInState {
  notice: string
}

export function readNotice(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null
  const notice: unknown = (state as Partial<SignInState>).notice
  return typeof notice === 'string' ? notice : null
}
