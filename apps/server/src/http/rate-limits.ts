import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { ApiError } from './api-error.ts'

export interface RateLimitSettings {
  /** Sign-in attempts per address per 10 minutes. */
  signInPerAddress: number
  /** Failed sign-ins for one account from one address per 10 minutes; then that address waits. */
  signInFailuresPerAccountAddress: number
  /**
   * Failed sign-ins for one account from every address per 10 minutes; past it, each address
   * gets one try at the account (see accounts/sign-in-limits.ts).
   */
  signInFailuresPerAccount: number
  /** New accounts per address per hour. */
  signUpPerAddress: number
  /** Invite link look-ups and redemptions per address per 10 minutes. */
  invitesPerAddress: number
  /** Websocket connection attempts per address per minute. */
  connectionsPerAddress: number
}

/** What a window holds after counting one attempt. */
export interface Counted {
  /** Attempts in the window, this one included. */
  count: number
  /** Until the window ends and the count starts again from nothing. */
  msBeforeNext: number
}

/** 429 with Retry-After: `message` says what was too many, the rest says how long to wait. */
function tooManyRequests(message: string, msBeforeNext: number): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000))
  return new ApiError(429, 'too_many_requests', `${message} Try again in ${wait(seconds)}.`, {
    headers: { 'Retry-After': String(seconds) },
  })
}

/** "40 s", "25 min", "7 h": a day's limit is not told in tens of thousands of seconds. */
function wait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`
  if (seconds < 120 * 60) return `${Math.ceil(seconds / 60)} min`
  return `${Math.ceil(seconds / 3600)} h`
}

/** A fixed-window counter; going over it throws 429 with Retry-After. */
export class RateLimit {
  private readonly limiter: RateLimiterMemory

  constructor(
    /** Attempts a window allows. */
    readonly points: number,
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

  /** Counts one attempt and refuses nothing, for a caller that decides from the count. */
  async count(key: string): Promise<Counted> {
    try {
      const state = await this.limiter.consume(key)
      return { count: state.consumedPoints, msBeforeNext: state.msBeforeNext }
    } catch (error) {
      // Past the allowance the attempt is still counted; the rejection carries the count.
      if (error instanceof RateLimiterRes) {
        return { count: error.consumedPoints, msBeforeNext: error.msBeforeNext }
      }
      throw error
    }
  }

  /** Takes back one counted attempt, e.g. one that turned out not to be a failure. */
  async refund(key: string): Promise<void> {
    await this.limiter.reward(key, 1)
  }

  /** 429 with this limit's message, for a caller that decided from `count`. */
  refuse(msBeforeNext: number): ApiError {
    return tooManyRequests(this.message, msBeforeNext)
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key)
  }

  private tooMany(state: RateLimiterRes): ApiError {
    return tooManyRequests(this.message, state.msBeforeNext)
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
    signInFailuresPerAccountAddress: new RateLimit(
      settings.signInFailuresPerAccountAddress,
      tenMinutes,
      'Too many failed sign-ins for this account from this network.',
    ),
    signInFailuresPerAccount: new RateLimit(
      settings.signInFailuresPerAccount,
      tenMinutes,
      'This account has had many failed sign-ins, and this network has had its try.',
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
