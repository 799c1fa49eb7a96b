import { z } from 'zod'
import { idSchema } from './ids.ts'
import { can, roleSchema, type Role } from './roles.ts'

export const MAX_INVITE_DAYS = 90

export const newInviteSchema = z.object({
  organisationId: idSchema,
  role: roleSchema,
  /** 1 for a personal link; more for a link sent to a list; null for no limit. */
  maxUses: z
    .number({ message: 'maxUses must be a whole number or null' })
    .int('maxUses must be a whole number')
    .min(1, 'maxUses must be at least 1')
    .max(1000, 'maxUses must be at most 1000')
    .nullable()
    .default(1),
  expiresInDays: z
    .number({ message: 'expiresInDays must be a number of days' })
    .int('expiresInDays must be a whole number of days')
    .min(1, 'expiresInDays must be at least 1')
    .max(MAX_INVITE_DAYS, `expiresInDays must be at most ${MAX_INVITE_DAYS}`)
    .default(14),
})
export type NewInvite = z.infer<typeof newInviteSchema>

/**
 * Whether someone with `role` may make a link that gives `inviteRole`: managing members, and
 * for a chair's link managing chairs too. Checked when the link is made and again whenever it
 * is used, so a link works only while its maker could still make it.
 */
export function mayInvite(role: Role, inviteRole: Role): boolean {
  return can(role, 'manageMembers') && (inviteRole !== 'chair' || can(role, 'manageChairs'))
}

/** `lapsed`: its maker has left, or no longer has a role that may make it. */
export const inviteStatusSchema = z.enum(['active', 'expired', 'revoked', 'used', 'lapsed'])
export type InviteStatus = z.infer<typeof inviteStatusSchema>

/** An invite as the coalition's settings list it. The link itself is shown once, at creation. */
export const inviteSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  role: roleSchema,
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  /** The person who made it, and their name, even once they have left the coalition. */
  createdBy: idSchema,
  createdByName: z.string(),
  status: inviteStatusSchema,
})
export type Invite = z.infer<typeof inviteSchema>

/** What someone holding a link sees before they join. */
export const invitePreviewSchema = z.object({
  coalitionId: idSchema,
  coalitionName: z.string(),
  organisationName: z.string(),
  role: roleSchema,
  expiresAt: z.iso.datetime(),
})
export type InvitePreview = z.infer<typeof invitePreviewSchema>

/** Invite tokens are 32 random bytes, base64url. */
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not an invite link')
