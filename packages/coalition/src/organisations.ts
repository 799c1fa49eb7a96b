import { z } from 'zod'
import { idSchema } from './ids.ts'
import { nameText, plainName } from './names.ts'

const organisationName = plainName('name', 120)

const shortName = plainName('shortName', 16)

const alias = nameText('an alias must be text').trim().min(1, 'an alias cannot be empty').max(120)

const aliases = z
  .array(alias, {
    message: 'aliases must be a list of names',
  })
  .max(20, 'at most 20 aliases')
  .transform((list) => [...new Set(list)])

export const newOrganisationSchema = z.object({
  name: organisationName,
  shortName,
  aliases: aliases.default([]),
})
export type NewOrganisation = z.infer<typeof newOrganisationSchema>

export const organisationPatchSchema = z
  .object({ name: organisationName, shortName, aliases })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one of name, shortName, aliases')
export type OrganisationPatch = z.infer<typeof organisationPatchSchema>

export const organisationSchema = z.object({
  id: idSchema,
  name: z.string(),
  shortName: z.string(),
  aliases: z.array(z.string()),
})
export type Organisation = z.infer<typeof organisationSchema>
