import { Hono } from 'hono'
import {
  can,
  coalitionPatchSchema,
  memberPatchSchema,
  newCoalitionSchema,
  newOrganisationSchema,
  organisationPatchSchema,
  type Member,
} from '@accord/coalition'
import { requirePerson } from '../accounts/require-person.ts'
import { newId } from '../accounts/tokens.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { parseBody } from '../http/parse-body.ts'
import type { Audit } from '../operations/audit.ts'
import { UniqueViolation } from '../storage/errors.ts'
import type { LiveConnections } from '../sync/live-connections.ts'
import { coalitionAccess, requirePermission, type Access } from './access.ts'
import type { Caps } from './caps.ts'
import type { CoalitionStore } from './coalition-store.ts'

export interface CoalitionRoutesDependencies {
  coalitions: CoalitionStore
  live: LiveConnections
  audit: Audit
  caps: Pick<Caps, 'newCoalition'>
}

/** `/api/coalitions`: coalitions, their organisations and members. */
export function coalitionRoutes({ coalitions, live, audit, caps }: CoalitionRoutesDependencies) {
  const access = (c: Parameters<typeof coalitionAccess>[0]) =>
    coalitionAccess(c, coalitions, c.req.param('cid') ?? '')

  const findMember = async (coalitionId: string, personId: string) => {
    const membership = await coalitions.findMembership(personId, coalitionId)
    if (!membership)
      throw new ApiError(404, 'not_found', 'There is no such member in this coalition.')
    return membership
  }

  const requireOrganisation = async (coalitionId: string, organisationId: string) => {
    const organisations = await coalitions.listOrganisations(coalitionId)
    if (!organisations.some((o) => o.id === organisationId)) {
      throw new ApiError(
        400,
        'invalid_request',
        'organisationId: not an organisation of this coalition',
      )
    }
  }

  /** Only a chair makes or unmakes a chair, and a coalition always keeps one. */
  const guardChairChange = async (
    a: Access,
    coalitionId: string,
    from: string,
    to: string | null,
  ) => {
    if (from !== 'chair' && to !== 'chair') return
    requirePermission(a, 'manageChairs', 'make, unmake or remove a chair')
    if (from === 'chair' && to !== 'chair') {
      const chairs = (await coalitions.listMembers(coalitionId)).filter((m) => m.role === 'chair')
      if (chairs.length <= 1) {
        throw new ApiError(
          409,
          'last_chair',
          'A coalition needs a chair: make someone else chair first.',
        )
      }
    }
  }

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const person = requirePerson(c)
      const input = await parseBody(c, newCoalitionSchema)
      const createdAt = new Date().toISOString()
      const coalition = { id: newId(), name: input.name }
      const organisation = { id: newId(), ...input.organisation }
      await caps.newCoalition(person.id, () =>
        coalitions.createCoalition({
          // The spine's meetings, from before accounts, go to the first coalition made by hand.
          adoptOwnerlessMeetings: true,
          coalition,
          organisation,
          chair: {
            personId: person.id,
            coalitionId: coalition.id,
            organisationId: organisation.id,
            role: 'chair',
            createdAt,
          },
        }),
      )
      return c.json({ membership: { coalition, organisation, role: 'chair' as const } }, 201)
    })
    .get('/:cid', async (c) => {
      const a = await access(c)
      const { coalitionId } = a.membership
      const [coalition, organisations] = await Promise.all([
        coalitions.getCoalition(coalitionId),
        coalitions.listOrganisations(coalitionId),
      ])
      const organisation = organisations.find((o) => o.id === a.membership.organisationId)
      return c.json({
        coalition,
        organisations,
        membership: { coalition, organisation, role: a.membership.role },
      })
    })
    .patch('/:cid', async (c) => {
      const a = await access(c)
      requirePermission(a, 'manageChairs', 'rename the coalition')
      const { name } = await parseBody(c, coalitionPatchSchema)
      await coalitions.renameCoalition(a.membership.coalitionId, name)
      return c.json({ coalition: { id: a.membership.coalitionId, name } })
    })
    .get('/:cid/organisations', async (c) => {
      const a = await access(c)
      return c.json({ organisations: await coalitions.listOrganisations(a.membership.coalitionId) })
    })
    .post('/:cid/organisations', async (c) => {
      const a = await access(c)
      requirePermission(a, 'manageMembers', 'add organisations')
      const input = await parseBody(c, newOrganisationSchema)
      const organisation = await duplicateAs409(() =>
        coalitions.createOrganisation(a.membership.coalitionId, { id: newId(), ...input }),
      )
      return c.json({ organisation }, 201)
    })
    .patch('/:cid/organisations/:oid', async (c) => {
      const a = await access(c)
      requirePermission(a, 'manageMembers', 'change organisations')
      const patch = await parseBody(c, organisationPatchSchema)
      const organisation = await duplicateAs409(() =>
        coalitions.updateOrganisation(a.membership.coalitionId, c.req.param('oid'), patch),
      )
      if (!organisation) throw new ApiError(404, 'not_found', 'There is no such organisation.')
      return c.json({ organisation })
    })
    .delete('/:cid/organisations/:oid', async (c) => {
      const a = await access(c)
      requirePermission(a, 'manageMembers', 'remove organisations')
      const result = await coalitions.deleteOrganisation(
        a.membership.coalitionId,
        c.req.param('oid'),
      )
      if (result === 'missing')
        throw new ApiError(404, 'not_found', 'There is no such organisation.')
      if (result === 'in_use') {
        throw new ApiError(
          409,
          'organisation_in_use',
          'This organisation has members, open invites or recorded attendance: move or remove those first.',
        )
      }
      return c.body(null, 204)
    })
    .get('/:cid/members', async (c) => {
      const a = await access(c)
      const members = await coalitions.listMembers(a.membership.coalitionId)
      const showEmail = can(a.membership.role, 'manageMembers')
      return c.json({
        members: members.map(({ email, ...member }): Member =>
          showEmail ? { ...member, email } : member,
        ),
      })
    })
    .patch('/:cid/members/:pid', async (c) => {
      const a = await access(c)
      requirePermission(a, 'manageMembers', 'change members')
      const { coalitionId } = a.membership
      const personId = c.req.param('pid')
      const patch = await parseBody(c, memberPatchSchema)
      const target = await findMember(coalitionId, personId)
      if (patch.role) await guardChairChange(a, coalitionId, target.role, patch.role)
      if (patch.organisationId) await requireOrganisation(coalitionId, patch.organisationId)
      await coalitions.updateMember(coalitionId, personId, patch)
      live.closeMember(coalitionId, personId)
      if (patch.role && patch.role !== target.role) {
        audit('role_changed', {
          personId: a.person.id,
          coalitionId,
          memberId: personId,
          from: target.role,
          to: patch.role,
        })
      }
      const members = await coalitions.listMembers(coalitionId)
      return c.json({ member: members.find((m) => m.personId === personId) })
    })
    .delete('/:cid/members/:pid', async (c) => {
      const personId = c.req.param('pid')
      const a = await access(c)
      const { coalitionId } = a.membership
      // Anyone may leave; removing someone else takes the right to manage members.
      if (personId !== a.person.id) requirePermission(a, 'manageMembers', 'remove members')
      const target = await findMember(coalitionId, personId)
      await guardChairChange(a, coalitionId, target.role, null)
      await coalitions.removeMember(coalitionId, personId)
      live.closeMember(coalitionId, personId)
      audit('member_removed', {
        personId: a.person.id,
        coalitionId,
        memberId: personId,
        role: target.role,
        left: personId === a.person.id,
      })
      return c.body(null, 204)
    })
}

async function duplicateAs409<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (error instanceof UniqueViolation) {
      const field = error.constraint === 'shortName' ? 'short name' : 'name'
      throw new ApiError(
        409,
        'duplicate',
        `Another organisation in this coalition has this ${field}.`,
      )
    }
    throw error
  }
}
