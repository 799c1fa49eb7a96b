/**
 * How password guessing is bounded without handing anyone a way to lock an owner out.
 *
 * Three counters, each over 10 minutes:
 * - attempts per address (RATE_SIGN_IN_PER_ADDRESS), whatever the account: one machine's pace,
 *   counted by the route before it reads the body;
 * - failures per account and address (RATE_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS): past it that
 *   address waits for that account, even with the right password, so a guesser learns nothing;
 * - failures per account from everywhere (RATE_SIGN_IN_FAILURES_PER_ACCOUNT): past it the
 *   account is being guessed from many addresses, and each address gets one try at it: one that
 *   has already failed waits, one that has not may try once.
 *
 * So guesses made elsewhere never refuse a right password from an address that has not failed,
 * and a guesser with many addresses gets one guess per address per window once the account's
 * allowance is spent. Failures are counted before the slow password check and taken back on
 * success, so parallel guesses cannot all slip past a limit none of them had yet reached.
 */
import type { Audit } from '../operations/audit.ts'
import type { RateLimits } from '../http/rate-limits.ts'

/** One admitted attempt; the caller says how it went once the password is checked. */
export interface SignInAttempt {
  succeeded(): Promise<void>
  failed(personId: string | undefined): Promise<void>
}

export function signInLimits(limits: RateLimits, audit: Audit) {
  const pairs = limits.signInFailuresPerAccountAddress
  const accounts = limits.signInFailuresPerAccount

  /** Counts the attempt, or throws 429 if this address must wait for this account. */
  return async function admit(email: string, address: string): Promise<SignInAttempt> {
    const pairKey = JSON.stringify([email, address])
    const pair = await pairs.count(pairKey)
    if (pair.count > pairs.points) throw pairs.refuse(pair.msBeforeNext)
    const account = await accounts.count(email)
    // This address has failed for this account already (or is racing itself) while the
    // account's own allowance is spent: the next try from here waits.
    if (account.count > accounts.points && pair.count > 1) {
      await accounts.refund(email)
      throw accounts.refuse(Math.min(pair.msBeforeNext, account.msBeforeNext))
    }
    return {
      async succeeded() {
        await pairs.reset(pairKey)
        await accounts.refund(email)
      },
      async failed(personId) {
        audit('sign_in_failed', { email, personId, address })
        if (pair.count === pairs.points) {
          audit('account_locked', { email, personId, address, scope: 'address' })
        }
        if (account.count === accounts.points) {
          audit('account_locked', { email, personId, address, scope: 'account' })
        }
      },
    }
  }
}

export type AdmitSignIn = ReturnType<typeof signInLimits>
