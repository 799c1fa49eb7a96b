import type { Invite, InviteStatus } from '@accord/coalition'

/** "0 of 1", "3 of unlimited" */
export function inviteUses(invite: Pick<Invite, 'uses' | 'maxUses'>): string {
  return `${invite.uses} of ${invite.maxUses ?? 'unlimited'}`
}

export const INVITE_STATUS_LABELS: Record<InviteStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  used: 'Used up',
  // Its maker left or lost the right to invite; the server refuses it until they regain it.
  lapsed: 'Lapsed: its maker can no longer invite',
}

/** The choices of the "Uses" select, by option value. */
export const USES_CHOICES = {
  one: { label: 'One person', maxUses: 1 },
  many: { label: 'Up to 25 people', maxUses: 25 },
  unlimited: { label: 'Unlimited', maxUses: null },
} as const satisfies Record<string, { label: string; maxUses: number | null }>

export type UsesChoice = keyof typeof USES_CHOICES

export const EXPIRY_DAYS = [7, 14, 30, 90] as const
