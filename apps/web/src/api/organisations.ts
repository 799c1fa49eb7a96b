import {
  organisationSchema,
  type newOrganisationSchema,
  type Organisation,
  type OrganisationPatch,
} from '@accord/coalition'
import { z } from 'zod'
import { request, requestEmpty, segment } from './request.ts'

const organisationBodySchema = z.object({ organisation: organisationSchema })

function path(coalitionId: string, organisationId?: string): string {
  const base = `/api/coalitions/${segment(coalitionId)}/organisations`
  return organisationId ? `${base}/${segment(organisationId)}` : base
}

export function addOrganisation(
  coalitionId: string,
  input: z.input<typeof newOrganisationSchema>,
): Promise<Organisation> {
  return request(path(coalitionId), organisationBodySchema, { method: 'POST', body: input }).then(
    (body) => body.organisation,
  )
}

export function updateOrganisation(
  coalitionId: string,
  organisationId: string,
  patch: OrganisationPatch,
): Promise<Organisation> {
  return request(path(coalitionId, organisationId), organisationBodySchema, {
    method: 'PATCH',
    body: patch,
  }).then((body) => body.organisation)
}

/** Refused with 409 `organisation_in_use` while it has members, invites or attendance. */
export function removeOrganisation(coalitionId: string, organisationId: string): Promise<void> {
  return requestEmpty(path(coalitionId, organisationId), { method: 'DELETE' })
}
