import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { ApiError } from './api-error.ts'

export interface RateLimitSettings {
  /** Sign-in attempts per address per 10 minutes. */
  signInPerAddress: number
  /** Failed sign-ins per account per 10 minutes; then the account waits, whatever the address. */
  signInFailuresPerAccount: number
  /** New accounts per address per hour. */
  signUpPerAddress: number
  /** Invite link look-ups and redemptions per address per 10 minutes. */
  invitesPerAddress: number
  /** Websocket connection attempts per address per minute. */
  connectionsPerAddress: number
}

/** A fixed-window counter; going over it throws 429 with Retry-After. */
export class RateLimit {
  private readonly limiter: RateLimiterMemory

  constructor(
    points: number,
    durationSeconds: number,
    private readonly message: string,
  ) {
    this.limiter = new RateLimiterMemory({ points, duration: durationSeconds })
  }

  /** Counts one attempt; throws 429 once the window's allowance is spent. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key)
    } catch (error) {
      if (error instanceof RateLimiterRes) throw this.tooMany(error)
      throw error
    }
  }

  /** Throws 429 if the allowance is spent, without counting an attempt. */
  async check(key: string): Promise<void> {
    const state = await this.limiter.get(key)
    if (state && state.remainingPoints <= 0) throw this.tooMany(state)
  }

  /** Seconds until the next attempt would be allowed, or 0 if it is allowed now. */
  async consumeOrWait(key: string): Promise<number> {
    try {
      await this.limiter.consume(key)
      return 0
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
      throw error
    }
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key)
  }

  private tooMany(state: RateLimiterRes): ApiError {
    const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000))
    return new ApiError(429, 'too_many_requests', `${this.message} Try again in ${seconds} s.`, {
      headers: { 'Retry-After': String(seconds) },
    })
  }
}

export function rateLimits(settings: RateLimitSettings) {
  const tenMinutes = 600
  return {
    signInPerAddress: new RateLimit(
      settings.signInPerAddress,
      tenMinutes,
      'Too many sign-in attempts from this network.',
    ),
    signInFailuresPerAccount: new RateLimit(
      settings.signInFailuresPerAccount,
      tenMinutes,
      'Too many failed sign-ins for this account.',
    ),
    signUpPerAddress: new RateLimit(
      settings.signUpPerAddress,
      3600,
      'Too many new accounts from this network.',
    ),
    invitesPerAddress: new RateLimit(
      settings.invitesPerAddress,
      tenMinutes,
      'Too many invite link attempts from this network.',
    ),
    connectionsPerAddress: new RateLimit(
      settings.connectionsPerAddress,
      60,
      'Too many connections from this network.',
    ),
  }
}

export type RateLimits = ReturnType<typeof rateLimits>
