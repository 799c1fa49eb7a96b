import {
  invitePreviewSchema,
  inviteSchema,
  membershipSchema,
  type Invite,
  type InvitePreview,
  type Membership,
  type NewInvite,
} from '@accord/coalition'
import { z } from 'zod'
import { request, requestEmpty, segment } from './request.ts'

const invitesBodySchema = z.object({ invites: z.array(inviteSchema) })
const createdBodySchema = z.object({ invite: inviteSchema, path: z.string().startsWith('/') })
const previewBodySchema = z.object({ invite: invitePreviewSchema })
const membershipBodySchema = z.object({ membership: membershipSchema })

function path(coalitionId: string, inviteId?: string): string {
  const base = `/api/coalitions/${segment(coalitionId)}/invites`
  return inviteId ? `${base}/${segment(inviteId)}` : base
}

export function listInvites(coalitionId: string, signal?: AbortSignal): Promise<Invite[]> {
  return request(path(coalitionId), invitesBodySchema, { signal }).then((body) => body.invites)
}

/** `path` (`/invite/<token>`) is the link; the server shows it only in this answer. */
export function createInvite(
  coalitionId: string,
  input: NewInvite,
): Promise<{ invite: Invite; path: string }> {
  return request(path(coalitionId), createdBodySchema, { method: 'POST', body: input })
}

export function revokeInvite(coalitionId: string, inviteId: string): Promise<void> {
  return requestEmpty(path(coalitionId, inviteId), { method: 'DELETE' })
}

/** What the link offers; 404 for no such link, 410 once it expired, was revoked or used up. */
export function previewInvite(token: string, signal?: AbortSignal): Promise<InvitePreview> {
  return request(`/api/invites/${segment(token)}`, previewBodySchema, { signal }).then(
    (body) => body.invite,
  )
}

/** Refused with 409 `already_member` for someone already in the coalition. */
export function acceptInvite(token: string): Promise<Membership> {
  return request(`/api/invites/${segment(token)}/accept`, membershipBodySchema, {
    method: 'POST',
  }).then((body) => body.membership)
}
