/**
 * Signing up, in and out over real HTTP against a real server, with the SQLite file opened
 * beside it to check what is (and is not) stored.
 * Guessing passwords from many addresses is in sign-in-limits.test.ts.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccordClient, PASSWORD, type ApiAnswer } from '../testing/accord-client.ts'
import { expectErrorShape } from '../testing/expect-error.ts'
import { startTestServer, withServer, type TestServer } from '../testing/test-server.ts'

function query<T>(s: TestServer, sql: string, ...params: unknown[]): T[] {
  const db = s.database()
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

let n = 0
const uniqueEmail = (name = 'person') => `${name}-${++n}-${process.pid}@example.org`

/** The parts of one Set-Cookie header: the name=value pair, then attributes keyed lower-case. */
function parseSetCookie(header: string) {
  const [pair, ...attributes] = header.split(';').map((part) => part.trim())
  const [name, ...value] = pair!.split('=')
  const attrs = new Map<string, string>()
  for (const attribute of attributes) {
    const [key, ...rest] = attribute.split('=')
    attrs.set(key!.toLowerCase(), rest.join('='))
  }
  return { name: name!, value: value.join('='), attrs }
}

function sessionCookie(answer: ApiAnswer) {
  const cookies = answer.headers.getSetCookie()
  expect(cookies).toHaveLength(1)
  const cookie = parseSetCookie(cookies[0]!)
  expect(cookie.name).toBe('accord_session')
  return cookie
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url')

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

async function answerOf(response: Response): Promise<ApiAnswer> {
  const text = await response.text()
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  }
}

/** A client signed in with this cookie pair (`accord_session=…`). */
function clientWith(url: string, cookie: string) {
  const client = new AccordClient(url)
  client.cookie = cookie
  return client
}

// ---------------------------------------------------------------------------------------------

describe('with default settings', () => {
  let s: TestServer

  beforeAll(async () => {
    s = await startTestServer({
      RATE_SIGN_UP_PER_ADDRESS: '1000',
      RATE_SIGN_IN_PER_ADDRESS: '1000',
    })
  })
  afterAll(() => s?.close())

  describe('sign up', () => {
    it('answers 201 with the person and sets an HttpOnly, SameSite=Lax, Path=/ cookie, not Secure', async () => {
      const client = new AccordClient(s.url)
      const email = uniqueEmail('ada')
      const answer = await client.request('POST', '/api/auth/sign-up', {
        email: `  ${email.toUpperCase()} `,
        name: '  Ada   Lovelace ',
        password: PASSWORD,
      })
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      expect(Object.keys(answer.body.person).sort()).toEqual(['email', 'id', 'name'])
      expect(answer.body.person).toMatchObject({ email, name: 'Ada Lovelace' })

      const cookie = sessionCookie(answer)
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(cookie.attrs.has('httponly')).toBe(true)
      expect(cookie.attrs.get('samesite')?.toLowerCase()).toBe('lax')
      expect(cookie.attrs.get('path')).toBe('/')
      expect(cookie.attrs.has('secure')).toBe(false)
      expect(cookie.attrs.get('max-age')).toBe(String(30 * 24 * 60 * 60))

      const me = await client.expect(200, 'GET', '/api/me')
      expect(me).toEqual({ person: answer.body.person, memberships: [] })
    })

    it('refuses an email already taken, whatever its case, with 409 email_taken; nothing created', async () => {
      const email = uniqueEmail('grace')
      await new AccordClient(s.url).signUp('Grace', email)
      const peopleBefore = query(s, 'SELECT id, email, name, password_hash FROM people')
      const again = new AccordClient(s.url)
      const answer = await again.request('POST', '/api/auth/sign-up', {
        email: email.replace('grace', 'GRACE').replace('example.org', 'Example.ORG'),
        name: 'Another Grace',
        password: 'another long password',
      })
      expectErrorShape(answer, 409, 'email_taken')
      expect(answer.headers.getSetCookie()).toEqual([])
      expect(query(s, 'SELECT id, email, name, password_hash FROM people')).toEqual(peopleBefore)
      // The first account still signs in, also with its email in another case.
      await again.expect(200, 'POST', '/api/auth/sign-in', {
        email: email.toUpperCase(),
        password: PASSWORD,
      })
    })

    it('stores the password only as a scrypt hash, and the session only as a token hash', async () => {
      const password = 'a very particular password 7'
      const email = uniqueEmail('hashed')
      const answer = await new AccordClient(s.url).request('POST', '/api/auth/sign-up', {
        email,
        name: 'Hashed',
        password,
      })
      expect(answer.status).toBe(201)
      const token = sessionCookie(answer).value

      const [person] = query<{ id: string; password_hash: string }>(
        s,
        'SELECT id, password_hash FROM people WHERE email = ?',
        email,
      )
      expect(person!.password_hash.startsWith('scrypt$')).toBe(true)
      expect(person!.password_hash.split('$')).toHaveLength(6)
      expect(person!.password_hash).not.toContain(password)
      expect(person!.password_hash).not.toContain(Buffer.from(password).toString('base64'))

      const sessions = query<Record<string, unknown>>(
        s,
        'SELECT * FROM sessions WHERE person_id = ?',
        person!.id,
      )
      expect(sessions).toHaveLength(1)
      for (const value of Object.values(sessions[0]!)) expect(String(value)).not.toContain(token)
      expect(sessions[0]!.token_hash).toBe(hashOf(token))
    })
  })

  describe('sign in', () => {
    let email: string
    beforeAll(async () => {
      email = uniqueEmail('signin')
      await new AccordClient(s.url).signUp('Signin', email)
    })

    it('with the right password answers 200 with the person and a new session cookie', async () => {
      const client = new AccordClient(s.url)
      const answer = await client.request('POST', '/api/auth/sign-in', {
        email,
        password: PASSWORD,
      })
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      expect(answer.body.person).toMatchObject({ email, name: 'Signin' })
      const cookie = sessionCookie(answer)
      expect(cookie.attrs.has('httponly')).toBe(true)
      expect(cookie.attrs.get('samesite')?.toLowerCase()).toBe('lax')
      expect(cookie.attrs.has('secure')).toBe(false)
      await client.expect(200, 'GET', '/api/me')
    })

    it('with a wrong password and with an unknown email answers the same 401 bad_credentials', async () => {
      const wrong = await new AccordClient(s.url).request('POST', '/api/auth/sign-in', {
        email,
        password: 'not the password at all',
      })
      const unknown = await new AccordClient(s.url).request('POST', '/api/auth/sign-in', {
        email: uniqueEmail('nobody'),
        password: PASSWORD,
      })
      expectErrorShape(wrong, 401, 'bad_credentials')
      expectErrorShape(unknown, 401, 'bad_credentials')
      expect(unknown.body).toEqual(wrong.body)
      expect(wrong.headers.getSetCookie()).toEqual([])
      expect(unknown.headers.getSetCookie()).toEqual([])
    })
  })

  describe('sessions', () => {
    it('sign-out ends this session: the old cookie gets 401, the cookie is cleared', async () => {
      const client = new AccordClient(s.url)
      await client.signUp('Leaving')
      const cookie = client.cookie!
      await client.expect(200, 'GET', '/api/me')

      const answer = await client.request('POST', '/api/auth/sign-out')
      expect(answer.status).toBe(204)
      const cleared = sessionCookie(answer)
      expect(cleared.value).toBe('')
      expect(cleared.attrs.get('max-age')).toBe('0')

      const old = await clientWith(s.url, cookie).request('GET', '/api/me')
      expectErrorShape(old, 401, 'unauthenticated')
      const [session] = query<{ revoked_at: string | null }>(
        s,
        'SELECT revoked_at FROM sessions WHERE token_hash = ?',
        hashOf(cookie.split('=')[1]!),
      )
      expect(session!.revoked_at).not.toBeNull()
    })

    it('sign-out-everywhere ends every session of that person and no one else’s', async () => {
      const email = uniqueEmail('everywhere')
      const first = new AccordClient(s.url)
      await first.signUp('Everywhere', email)
      const laptop = new AccordClient(s.url)
      const phone = new AccordClient(s.url)
      for (const device of [laptop, phone]) {
        await device.expect(200, 'POST', '/api/auth/sign-in', { email, password: PASSWORD })
      }
      const someoneElse = new AccordClient(s.url)
      await someoneElse.signUp('Bystander')
      const cookies = [first, laptop, phone].map((c) => c.cookie!)
      expect(new Set(cookies).size).toBe(3)
      for (const cookie of cookies) await clientWith(s.url, cookie).expect(200, 'GET', '/api/me')

      await laptop.expect(204, 'POST', '/api/auth/sign-out-everywhere')

      for (const cookie of cookies) {
        expectErrorShape(
          await clientWith(s.url, cookie).request('GET', '/api/me'),
          401,
          'unauthenticated',
        )
      }
      await someoneElse.expect(200, 'GET', '/api/me')
      // Signing in again works: the account is not locked, only its sessions ended.
      const again = new AccordClient(s.url)
      await again.expect(200, 'POST', '/api/auth/sign-in', { email, password: PASSWORD })
      await again.expect(200, 'GET', '/api/me')
    })

    it('sign-out-everywhere needs a session', async () => {
      const answer = await new AccordClient(s.url).request('POST', '/api/auth/sign-out-everywhere')
      expectErrorShape(answer, 401, 'unauthenticated')
    })

    it('an expired session gets 401, and another live session is untouched', async () => {
      const client = new AccordClient(s.url)
      await client.signUp('Expiring')
      const other = new AccordClient(s.url)
      await other.signUp('Staying')
      await client.expect(200, 'GET', '/api/me')

      const db = s.database({ write: true })
      try {
        const changed = db
          .prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?')
          .run(new Date(Date.now() - 1000).toISOString(), hashOf(client.cookie!.split('=')[1]!))
        expect(changed.changes).toBe(1)
      } finally {
        db.close()
      }

      expectErrorShape(await client.request('GET', '/api/me'), 401, 'unauthenticated')
      expectErrorShape(
        await client.request('POST', '/api/coalitions', {
          name: 'Too late',
          organisation: { name: 'Late Trust', shortName: 'LT' },
        }),
        401,
        'unauthenticated',
      )
      await other.expect(200, 'GET', '/api/me')
    })
  })

  describe('the Origin check', () => {
    it('refuses a sign-up POST from another site with 403 bad_origin, creating nothing', async () => {
      const email = uniqueEmail('csrf')
      for (const origin of ['https://evil.example', 'null', `${s.url}.evil.example`]) {
        const answer = await answerOf(
          await post(
            `${s.url}/api/auth/sign-up`,
            { email, name: 'Forged', password: PASSWORD },
            { origin },
          ),
        )
        expectErrorShape(answer, 403, 'bad_origin')
        expect(answer.headers.getSetCookie()).toEqual([])
      }
      expect(query(s, 'SELECT id FROM people WHERE email = ?', email)).toEqual([])
    })

    it('refuses a signed-in write from another site, creating nothing', async () => {
      const client = new AccordClient(s.url)
      await client.signUp('Victim')
      const answer = await answerOf(
        await post(
          `${s.url}/api/coalitions`,
          { name: 'Forged coalition', organisation: { name: 'Forged Trust', shortName: 'FT' } },
          { origin: 'https://evil.example', cookie: client.cookie! },
        ),
      )
      expectErrorShape(answer, 403, 'bad_origin')
      expect((await client.expect(200, 'GET', '/api/me')).memberships).toEqual([])
      expect(query(s, "SELECT id FROM coalitions WHERE name = 'Forged coalition'")).toEqual([])
    })

    it('accepts a same-origin Origin', async () => {
      const email = uniqueEmail('same')
      const answer = await answerOf(
        await post(
          `${s.url}/api/auth/sign-up`,
          { email, name: 'Same Site', password: PASSWORD },
          { origin: s.url },
        ),
      )
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      expect(query(s, 'SELECT email FROM people WHERE email = ?', email)).toEqual([{ email }])
    })
  })
})

describe('with an https PUBLIC_ORIGIN', () => {
  it('marks the session cookie Secure, and takes Origin from the list only', async () => {
    await withServer({ PUBLIC_ORIGIN: 'https://minutes.example.org' }, async (s) => {
      const refused = await answerOf(
        await post(
          `${s.url}/api/auth/sign-up`,
          { email: uniqueEmail('secure'), name: 'Secure', password: PASSWORD },
          { origin: s.url },
        ),
      )
      expectErrorShape(refused, 403, 'bad_origin')

      const answer = await answerOf(
        await post(
          `${s.url}/api/auth/sign-up`,
          { email: uniqueEmail('secure'), name: 'Secure', password: PASSWORD },
          { origin: 'https://minutes.example.org' },
        ),
      )
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      const cookie = sessionCookie(answer)
      expect(cookie.attrs.has('secure')).toBe(true)
      expect(cookie.attrs.has('httponly')).toBe(true)
      expect(cookie.attrs.get('samesite')?.toLowerCase()).toBe('lax')
      expect(cookie.attrs.get('path')).toBe('/')
    })
  })

  it('SESSION_DAYS=7: sign-up and sign-in cookies last 7 days, as the stored session does', async () => {
    const origin = 'https://minutes.example.org'
    await withServer({ PUBLIC_ORIGIN: origin, SESSION_DAYS: '7' }, async (s) => {
      const email = uniqueEmail('week')
      const signUp = await answerOf(
        await post(
          `${s.url}/api/auth/sign-up`,
          { email, name: 'Week', password: PASSWORD },
          { origin },
        ),
      )
      const signIn = await answerOf(
        await post(`${s.url}/api/auth/sign-in`, { email, password: PASSWORD }, { origin }),
      )
      const week = 7 * 24 * 60 * 60
      for (const answer of [signUp, signIn]) {
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300)
        const cookie = sessionCookie(answer)
        expect(cookie.attrs.get('max-age')).toBe(String(week))
        expect(cookie.attrs.has('httponly')).toBe(true)
        expect(cookie.attrs.has('secure')).toBe(true)
        expect(cookie.attrs.get('samesite')?.toLowerCase()).toBe('lax')
        expect(cookie.attrs.get('path')).toBe('/')
        const [session] = query<{ expires_at: string }>(
          s,
          'SELECT expires_at FROM sessions WHERE token_hash = ?',
          hashOf(cookie.value),
        )
        const storedSeconds = (Date.parse(session!.expires_at) - Date.now()) / 1000
        expect(Math.abs(storedSeconds - week)).toBeLessThan(60)
      }
    })
  })
})

describe('rate limits', () => {
  function expectTooMany(answer: ApiAnswer) {
    expectErrorShape(answer, 429, 'too_many_requests')
    const retryAfter = answer.headers.get('retry-after')
    expect(retryAfter).toMatch(/^\d+$/)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    expect(answer.headers.getSetCookie()).toEqual([])
  }

  it('RATE_SIGN_IN_PER_ADDRESS=3: the 4th sign-in from one address is 429, even with the right password', async () => {
    await withServer({ RATE_SIGN_IN_PER_ADDRESS: '3' }, async (s) => {
      const email = uniqueEmail('busy')
      await new AccordClient(s.url).signUp('Busy', email)
      const client = new AccordClient(s.url)
      expect(
        (await client.request('POST', '/api/auth/sign-in', { email, password: 'wrong password' }))
          .status,
      ).toBe(401)
      expect(
        (await client.request('POST', '/api/auth/sign-in', { email, password: PASSWORD })).status,
      ).toBe(200)
      expect(
        (
          await client.request('POST', '/api/auth/sign-in', {
            email: uniqueEmail(),
            password: PASSWORD,
          })
        ).status,
      ).toBe(401)
      const fresh = new AccordClient(s.url)
      const fourth = await fresh.request('POST', '/api/auth/sign-in', { email, password: PASSWORD })
      expectTooMany(fourth)
      expect(Number(fourth.headers.get('retry-after'))).toBeLessThanOrEqual(600)
      expect(fresh.cookie).toBeUndefined()
    })
  })

  it('RATE_SIGN_IN_FAILURES_PER_ACCOUNT=3: parallel guesses cannot all slip past the limit', async () => {
    await withServer({ RATE_SIGN_IN_FAILURES_PER_ACCOUNT: '3' }, async (s) => {
      const target = uniqueEmail('target')
      await new AccordClient(s.url).signUp('Target', target)
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          new AccordClient(s.url).request('POST', '/api/auth/sign-in', {
            email: target,
            // The right password is among them, late: the account is locked by then.
            password: i === 10 ? PASSWORD : `guess ${i}`,
          }),
        ),
      )
      const statuses = answers.map((answer) => answer.status)
      expect(statuses.filter((status) => status === 401)).toHaveLength(3)
      expect(statuses.filter((status) => status === 429)).toHaveLength(9)
      expect(statuses).not.toContain(200)
    })
  })

  it('RATE_SIGN_UP_PER_ADDRESS=2: the 3rd sign-up from one address is 429 and creates nobody', async () => {
    await withServer({ RATE_SIGN_UP_PER_ADDRESS: '2' }, async (s) => {
      await new AccordClient(s.url).signUp('One')
      await new AccordClient(s.url).signUp('Two')
      const email = uniqueEmail('three')
      const third = new AccordClient(s.url)
      expectTooMany(
        await third.request('POST', '/api/auth/sign-up', {
          email,
          name: 'Three',
          password: PASSWORD,
        }),
      )
      expect(third.cookie).toBeUndefined()
      expect(query(s, 'SELECT email FROM people WHERE email = ?', email)).toEqual([])
      expect(query(s, 'SELECT count(*) AS people FROM people')).toEqual([{ people: 2 }])
    })
  })
})
