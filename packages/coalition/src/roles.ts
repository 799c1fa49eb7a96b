import { z } from 'zod'

export const ROLES = ['chair', 'secretariat', 'member', 'observer'] as const
export const roleSchema = z.enum(ROLES, {
  message: 'role must be one of chair, secretariat, member, observer',
})
export type Role = z.infer<typeof roleSchema>

/**
 * What each role may do inside its own coalition. People outside a coalition may do nothing
 * there, and are told the coalition's things do not exist. The server enforces this table; the
 * client reads it only to hide controls a person could not use.
 */
const grants = {
  /** See the coalition, its organisations, members, meetings and minutes, live. */
  read: ['chair', 'secretariat', 'member', 'observer'],
  /** Type in the minutes; change an action on the tracker; endorse an ask for one's organisation. */
  editMinutes: ['chair', 'secretariat', 'member'],
  /** Create meetings, change their title, date and attendance; start the next meeting; move asks along. */
  manageMeetings: ['chair', 'secretariat'],
  /** Approve the minutes (they become read-only) and reopen them. */
  approveMinutes: ['chair'],
  /** Organisations, members, roles and invites. */
  manageMembers: ['chair', 'secretariat'],
  /** Rename the coalition; make, unmake or remove a chair. */
  manageChairs: ['chair'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof grants

export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role)
}

export const ROLE_LABELS: Record<Role, string> = {
  chair: 'Chair',
  secretariat: 'Secretariat',
  member: 'Member',
  observer: 'Observer',
}
