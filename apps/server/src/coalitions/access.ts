import { can, idSchema, type Permission } from '@accord/coalition'
import type { Context } from 'hono'
import type { PersonRecord } from '../accounts/account-store.ts'
import { requirePerson } from '../accounts/require-person.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import type { CoalitionStore, MembershipRecord } from './coalition-store.ts'

export interface Access {
  person: PersonRecord
  membership: MembershipRecord
}

export const coalitionNotFound = (id: string) =>
  new ApiError(404, 'not_found', `There is no coalition with id "${id}" that you belong to.`)

/**
 * The signed-in person's membership of a coalition. Someone outside it gets the same 404 as for
 * a coalition that does not exist, so ids cannot be probed.
 */
export async function coalitionAccess(
  c: Context<AppEnv>,
  coalitions: CoalitionStore,
  coalitionId: string,
): Promise<Access> {
  const person = requirePerson(c)
  const membership = idSchema.safeParse(coalitionId).success
    ? await coalitions.findMembership(person.id, coalitionId)
    : undefined
  if (!membership) throw coalitionNotFound(coalitionId)
  return { person, membership }
}

/** 403 for a member whose role does not allow this. */
export function requirePermission(access: Access, permission: Permission, doing: string): void {
  if (!can(access.membership.role, permission)) {
    throw new ApiError(
      403,
      'forbidden',
      `As ${access.membership.role} you cannot ${doing}; ask the chair or secretariat.`,
    )
  }
}
