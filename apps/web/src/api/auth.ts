import {
  membershipSchema,
  personSchema,
  type Membership,
  type Person,
  type SignIn,
  type SignUp,
} from '@accord/coalition'
import { z } from 'zod'
import { request, requestEmpty } from './request.ts'

const personBodySchema = z.object({ person: personSchema })
const meBodySchema = z.object({ person: personSchema, memberships: z.array(membershipSchema) })

export interface Me {
  person: Person
  memberships: Membership[]
}

/** Who is signed in, and where they belong. Throws ApiError 401 when nobody is. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return request('/api/me', meBodySchema, { signal })
}

export function signUp(input: SignUp): Promise<Person> {
  return request('/api/auth/sign-up', personBodySchema, { method: 'POST', body: input }).then(
    (body) => body.person,
  )
}

export function signIn(input: SignIn): Promise<Person> {
  return request('/api/auth/sign-in', personBodySchema, { method: 'POST', body: input }).then(
    (body) => body.person,
  )
}

export function signOut(): Promise<void> {
  return requestEmpty('/api/auth/sign-out', { method: 'POST' })
}
