/**
 * Guessing passwords, over real HTTP from several client addresses (TRUST_PROXY with
 * X-Forwarded-For): guesses are bounded per address, per account and address, and per
 * account, and none of these ever turns away the owner's right password from an address
 * that has not failed. The audit log is read from the server's real pino logger.
 */
import { describe, expect, it } from 'vitest'
import { PASSWORD, type ApiAnswer } from '../testing/accord-client.ts'
import { AccordClient } from '../testing/accord-client.ts'
import { expectErrorShape } from '../testing/expect-error.ts'
import { captureLog } from '../testing/log-capture.ts'
import { withServer, type TestServer } from '../testing/test-server.ts'

let n = 0
const uniqueEmail = (name: string) => `${name}-${++n}-${process.pid}@example.org`

/** One sign-in attempt as if from `address`. */
async function signInFrom(
  s: TestServer,
  address: string,
  email: string,
  password: string,
): Promise<ApiAnswer> {
  const response = await fetch(`${s.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  }
}

function expectTooMany(answer: ApiAnswer) {
  expectErrorShape(answer, 429, 'too_many_requests')
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(answer.headers.getSetCookie()).toEqual([])
}

const expectWrong = (answer: ApiAnswer) => expectErrorShape(answer, 401, 'bad_credentials')

function expectSignedIn(answer: ApiAnswer) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  expect(answer.headers.getSetCookie()).toHaveLength(1)
}

async function account(s: TestServer, name: string) {
  const email = uniqueEmail(name)
  await new AccordClient(s.url).signUp(name, email)
  return email
}

const proxied = { TRUST_PROXY: 'true', RATE_SIGN_IN_PER_ADDRESS: '1000' }

describe('sign-in failures', () => {
  it('ten wrong guesses from ten addresses do not lock out the owner: the right password from a new address signs in', async () => {
    await withServer(proxied, async (s) => {
      const email = await account(s, 'owner')
      for (let i = 1; i <= 10; i++)
        expectWrong(await signInFrom(s, `203.0.113.${i}`, email, `guess ${i}`))
      expectSignedIn(await signInFrom(s, '198.51.100.7', email, PASSWORD))
    })
  })

  it('RATE_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS=2: the address that failed twice waits for that account, even with the right password; the owner elsewhere and that address for another account do not', async () => {
    await withServer({ ...proxied, RATE_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: '2' }, async (s) => {
      const target = await account(s, 'target')
      const other = await account(s, 'other')
      expectWrong(await signInFrom(s, '203.0.113.1', target, 'guess 1'))
      expectWrong(await signInFrom(s, '203.0.113.1', target.toUpperCase(), 'guess 2'))
      const locked = await signInFrom(s, '203.0.113.1', target, PASSWORD)
      expectTooMany(locked)
      expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(600)
      expectSignedIn(await signInFrom(s, '203.0.113.1', other, PASSWORD))
      expectSignedIn(await signInFrom(s, '198.51.100.7', target, PASSWORD))
    })
  })

  it('a right password forgives that address its earlier failures for the account', async () => {
    await withServer({ ...proxied, RATE_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: '2' }, async (s) => {
      const email = await account(s, 'typist')
      expectWrong(await signInFrom(s, '203.0.113.1', email, 'typo'))
      expectSignedIn(await signInFrom(s, '203.0.113.1', email, PASSWORD))
      expectWrong(await signInFrom(s, '203.0.113.1', email, 'typo again'))
      expectSignedIn(await signInFrom(s, '203.0.113.1', email, PASSWORD))
    })
  })

  it('RATE_SIGN_IN_FAILURES_PER_ACCOUNT=3: past it each address gets one guess – one that failed waits, a new one that fails waits after it – and a new address with the right password signs in', async () => {
    await withServer({ ...proxied, RATE_SIGN_IN_FAILURES_PER_ACCOUNT: '3' }, async (s) => {
      const email = await account(s, 'besieged')
      for (const i of [1, 2, 3])
        expectWrong(await signInFrom(s, `203.0.113.${i}`, email, `guess ${i}`))
      // Under the per-address-and-account limit (10), but the account has had its three.
      expectTooMany(await signInFrom(s, '203.0.113.1', email, 'guess 4'))
      expectTooMany(await signInFrom(s, '203.0.113.2', email, PASSWORD))
      expectWrong(await signInFrom(s, '203.0.113.50', email, 'guess 5'))
      expectTooMany(await signInFrom(s, '203.0.113.50', email, 'guess 6'))
      expectSignedIn(await signInFrom(s, '198.51.100.7', email, PASSWORD))
      // The owner's sign-in does not forgive the guessers.
      expectTooMany(await signInFrom(s, '203.0.113.3', email, 'guess 7'))
    })
  })

  it('past RATE_SIGN_IN_FAILURES_PER_ACCOUNT, parallel guesses from one new address get one try between them', async () => {
    await withServer({ ...proxied, RATE_SIGN_IN_FAILURES_PER_ACCOUNT: '2' }, async (s) => {
      const email = await account(s, 'raced')
      for (const i of [1, 2])
        expectWrong(await signInFrom(s, `203.0.113.${i}`, email, `guess ${i}`))
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => signInFrom(s, '203.0.113.99', email, `race ${i}`)),
      )
      expect(answers.map((a) => a.status).sort()).toEqual([401, 429, 429, 429, 429, 429])
    })
  })
})

describe('the audit log', () => {
  it('has a line for each failed sign-in and one for each lock-out, naming the account and address but never the password', async () => {
    const log = captureLog()
    let email = ''
    await withServer(
      {
        ...proxied,
        RATE_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: '2',
        RATE_SIGN_IN_FAILURES_PER_ACCOUNT: '3',
      },
      async (s) => {
        email = await account(s, 'audited')
        expectWrong(await signInFrom(s, '203.0.113.1', email, 'secret guess 1'))
        expectWrong(await signInFrom(s, '203.0.113.1', email, 'secret guess 2'))
        expectWrong(await signInFrom(s, '203.0.113.2', email, 'secret guess 3'))
        expectSignedIn(await signInFrom(s, '198.51.100.7', email, PASSWORD))
      },
      log.logger,
    )
    expect(log.audit('sign_in_failed')).toEqual([
      expect.objectContaining({ email, address: '203.0.113.1', msg: 'sign-in failed' }),
      expect.objectContaining({ email, address: '203.0.113.1' }),
      expect.objectContaining({ email, address: '203.0.113.2' }),
    ])
    expect(log.audit('sign_in_failed')[0]!.personId).toEqual(expect.any(String))
    expect(log.audit('account_locked')).toEqual([
      expect.objectContaining({ email, address: '203.0.113.1', scope: 'address' }),
      expect.objectContaining({ email, address: '203.0.113.2', scope: 'account' }),
    ])
    expect(JSON.stringify(log.lines)).not.toContain('secret guess')
    expect(JSON.stringify(log.lines)).not.toContain(PASSWORD)
  })
})
