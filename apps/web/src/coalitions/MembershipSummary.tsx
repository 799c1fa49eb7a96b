import type { Membership } from '@accord/coalition'
import { RoleBadge } from './RoleBadge.tsx'

/** "You take part as [Chair] for Shelter (SH)." */
export function MembershipSummary({ membership }: { membership: Membership }) {
  const { organisation, role } = membership
  return (
    <p className="membership-summary">
      You take part as <RoleBadge role={role} /> for{' '}
      <span className="membership-summary__organisation">
        {organisation.name} ({organisation.shortName})
      </span>
      .
    </p>
  )
}
