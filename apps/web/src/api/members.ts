import { memberSchema, type Member, type MemberPatch } from '@accord/coalition'
import { z } from 'zod'
import { request, requestEmpty, segment } from './request.ts'

const membersBodySchema = z.object({ members: z.array(memberSchema) })
const memberBodySchema = z.object({ member: memberSchema })

function path(coalitionId: string, personId?: string): string {
  const base = `/api/coalitions/${segment(coalitionId)}/members`
  return personId ? `${base}/${segment(personId)}` : base
}

/** Emails are included only for those who manage members. */
export function listMembers(coalitionId: string, signal?: AbortSignal): Promise<Member[]> {
  return request(path(coalitionId), membersBodySchema, { signal }).then((body) => body.members)
}

/** Refused with 409 `last_chair` when it would leave the coalition without a chair. */
export function updateMember(
  coalitionId: string,
  personId: string,
  patch: MemberPatch,
): Promise<Member> {
  return request(path(coalitionId, personId), memberBodySchema, {
    method: 'PATCH',
    body: patch,
  }).then((body) => body.member)
}

export function removeMember(coalitionId: string, personId: string): Promise<void> {
  return requestEmpty(path(coalitionId, personId), { method: 'DELETE' })
}
