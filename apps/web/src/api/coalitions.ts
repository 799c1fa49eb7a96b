import {
  coalitionSchema,
  membershipSchema,
  organisationSchema,
  type Coalition,
  type coalitionPatchSchema,
  type Membership,
  type newCoalitionSchema,
  type Organisation,
} from '@accord/coalition'
import { z } from 'zod'
import { request, segment } from './request.ts'

const membershipBodySchema = z.object({ membership: membershipSchema })
const coalitionBodySchema = z.object({
  coalition: coalitionSchema,
  organisations: z.array(organisationSchema),
  membership: membershipSchema,
})
const renamedBodySchema = z.object({ coalition: coalitionSchema })

/** A coalition as one of its members sees it: its organisations and their own place in it. */
export interface CoalitionView {
  coalition: Coalition
  organisations: Organisation[]
  membership: Membership
}

/** Creates a coalition with the caller as its chair. */
export function createCoalition(input: z.input<typeof newCoalitionSchema>): Promise<Membership> {
  return request('/api/coalitions', membershipBodySchema, { method: 'POST', body: input }).then(
    (body) => body.membership,
  )
}

/** A demo coalition built from the sample minutes, with the caller as its chair. */
export function createDemo(): Promise<Membership> {
  return request('/api/demo', membershipBodySchema, { method: 'POST' }).then(
    (body) => body.membership,
  )
}

export function getCoalition(coalitionId: string, signal?: AbortSignal): Promise<CoalitionView> {
  return request(`/api/coalitions/${segment(coalitionId)}`, coalitionBodySchema, { signal })
}

/** Only a chair may rename a coalition. */
export function renameCoalition(
  coalitionId: string,
  input: z.input<typeof coalitionPatchSchema>,
): Promise<Coalition> {
  return request(`/api/coalitions/${segment(coalitionId)}`, renamedBodySchema, {
    method: 'PATCH',
    body: input,
  }).then((body) => body.coalition)
}
