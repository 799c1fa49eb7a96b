import { ROLE_LABELS, type Role } from '@accord/coalition'

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`role-badge role-badge--${role}`}>{ROLE_LABELS[role]}</span>
}
