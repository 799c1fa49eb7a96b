import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../http/app-env.ts'
import type { AccountStore, PersonRecord } from './account-store.ts'
import { hashToken, newToken } from './tokens.ts'

export const SESSION_COOKIE = 'accord_session'

export interface SessionSettings {
  lifetimeMs: number
  /** Secure cookies: the public origin is https. */
  secure: boolean
}

/** Starting, finding and ending sign-in sessions; the token lives only in the cookie. */
export class Sessions {
  constructor(
    private readonly accounts: AccountStore,
    private readonly settings: SessionSettings,
  ) {}

  async start(c: Context, personId: string): Promise<void> {
    const token = newToken()
    const now = Date.now()
    await this.accounts.createSession({
      tokenHash: hashToken(token),
      personId,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.settings.lifetimeMs).toISOString(),
    })
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: this.settings.secure,
      path: '/',
      maxAge: Math.floor(this.settings.lifetimeMs / 1000),
    })
  }

  /** The person behind a session token hash, if the session is live. */
  async personOf(sessionHash: string): Promise<PersonRecord | undefined> {
    const session = await this.accounts.findSession(sessionHash)
    if (!session || !isLive(session)) return undefined
    return this.accounts.getPerson(session.personId)
  }

  async isLive(sessionHash: string): Promise<boolean> {
    const session = await this.accounts.findSession(sessionHash)
    return !!session && isLive(session)
  }

  async end(c: Context<AppEnv>): Promise<void> {
    const sessionHash = c.get('sessionHash')
    if (sessionHash) await this.accounts.revokeSession(sessionHash, new Date().toISOString())
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: this.settings.secure })
  }

  async endAllOf(personId: string): Promise<void> {
    await this.accounts.revokeSessionsOf(personId, new Date().toISOString())
  }

  /** Puts the signed-in person, if any, on every request's context. */
  middleware() {
    return createMiddleware<AppEnv>(async (c, next) => {
      const token = getCookie(c, SESSION_COOKIE)
      const sessionHash = token ? hashToken(token) : undefined
      c.set('sessionHash', sessionHash)
      c.set('person', sessionHash ? await this.personOf(sessionHash) : undefined)
      await next()
    })
  }
}

function isLive(session: { expiresAt: string; revokedAt: string | null }): boolean {
  return session.revokedAt === null && Date.parse(session.expiresAt) > Date.now()
}
