import { Hono } from 'hono'
import { signInSchema, signUpSchema, type Person } from '@accord/coalition'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { parseBody } from '../http/parse-body.ts'
import type { RateLimits } from '../http/rate-limits.ts'
import { UniqueViolation } from '../storage/errors.ts'
import type { Audit } from '../operations/audit.ts'
import type { LiveConnections } from '../sync/live-connections.ts'
import type { AccountStore, PersonRecord } from './account-store.ts'
import { requirePerson } from './require-person.ts'
import { hashPassword, unknownAccountHash, verifyPassword } from './password.ts'
import type { Sessions } from './sessions.ts'
import { signInLimits } from './sign-in-limits.ts'
import { newId } from './tokens.ts'

export interface AccountRoutesDependencies {
  accounts: AccountStore
  coalitions: CoalitionStore
  sessions: Sessions
  limits: RateLimits
  live: LiveConnections
  addressOf: (c: import('hono').Context) => string
  audit: Audit
}

export function toPerson(record: PersonRecord): Person {
  return { id: record.id, email: record.email, name: record.name }
}

/** `/api/auth/*`: sign up, sign in, sign out. */
export function authRoutes({
  accounts,
  sessions,
  limits,
  live,
  addressOf,
  audit,
}: AccountRoutesDependencies) {
  const admitSignIn = signInLimits(limits, audit)
  return new Hono<AppEnv>()
    .post('/sign-up', async (c) => {
      await limits.signUpPerAddress.consume(addressOf(c))
      const input = await parseBody(c, signUpSchema)
      const person: PersonRecord = {
        id: newId(),
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(input.password),
        createdAt: new Date().toISOString(),
      }
      try {
        await accounts.createPerson(person)
      } catch (error) {
        if (error instanceof UniqueViolation) {
          throw new ApiError(
            409,
            'email_taken',
            'An account with this email already exists: sign in instead.',
          )
        }
        throw error
      }
      await sessions.start(c, person.id)
      return c.json({ person: toPerson(person) }, 201)
    })
    .post('/sign-in', async (c) => {
      await limits.signInPerAddress.consume(addressOf(c))
      const input = await parseBody(c, signInSchema)
      const attempt = await admitSignIn(input.email, addressOf(c))
      const person = await accounts.findPersonByEmail(input.email)
      const matches = await verifyPassword(
        input.password,
        person?.passwordHash ?? (await unknownAccountHash),
      )
      if (!person?.passwordHash || !matches) {
        await attempt.failed(person?.id)
        throw new ApiError(401, 'bad_credentials', 'The email or password is not right.')
      }
      await attempt.succeeded()
      await sessions.start(c, person.id)
      return c.json({ person: toPerson(person) })
    })
    .post('/sign-out', async (c) => {
      const sessionHash = c.get('sessionHash')
      await sessions.end(c)
      if (sessionHash) live.closeSession(sessionHash)
      return c.body(null, 204)
    })
    .post('/sign-out-everywhere', async (c) => {
      const person = requirePerson(c)
      await sessions.endAllOf(person.id)
      await sessions.end(c)
      live.closePerson(person.id)
      return c.body(null, 204)
    })
}

/** `GET /api/me`: who is signed in and where they belong. */
export function meRoutes({ coalitions }: Pick<AccountRoutesDependencies, 'coalitions'>) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const person = requirePerson(c)
    return c.json({
      person: toPerson(person),
      memberships: await coalitions.membershipsOf(person.id),
    })
  })
}
