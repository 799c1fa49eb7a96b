import {
  coalitionSchema,
  membershipSchema,
  organisationSchema,
  type Coalition,
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
