import { z } from 'zod'
import { idSchema } from './ids.ts'
import { plainName } from './names.ts'
import { newOrganisationSchema, organisationSchema } from './organisations.ts'
import { roleSchema } from './roles.ts'

const coalitionName = plainName('name', 120)

/** The first account's first step: a coalition, and the organisation its chair speaks for. */
export const newCoalitionSchema = z.object({
  name: coalitionName,
  organisation: newOrganisationSchema,
})
export type NewCoalition = z.infer<typeof newCoalitionSchema>

export const coalitionPatchSchema = z.object({ name: coalitionName })

export const coalitionSchema = z.object({ id: idSchema, name: z.string() })
export type Coalition = z.infer<typeof coalitionSchema>

/** One person's place in one coalition. */
export const membershipSchema = z.object({
  coalition: coalitionSchema,
  organisation: organisationSchema,
  role: roleSchema,
})
export type Membership = z.infer<typeof membershipSchema>

/** A member as the coalition's members list shows them; email only for those who manage. */
export const memberSchema = z.object({
  personId: idSchema,
  name: z.string(),
  email: z.string().optional(),
  organisationId: idSchema,
  role: roleSchema,
  joinedAt: z.iso.datetime(),
})
export type Member = z.infer<typeof memberSchema>

export const memberPatchSchema = z
  .object({ role: roleSchema, organisationId: idSchema })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one of role, organisationId')
export type MemberPatch = z.infer<typeof memberPatchSchema>
