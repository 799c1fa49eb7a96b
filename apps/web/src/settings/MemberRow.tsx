import {
  ROLE_LABELS,
  ROLES,
  type Member,
  type MemberPatch,
  type Organisation,
  type Role,
} from '@accord/coalition'
import { RoleBadge } from '../coalitions/RoleBadge.tsx'

interface MemberRowProps {
  member: Member
  organisations: Organisation[]
  showEmail: boolean
  isSelf: boolean
  /** May change roles and organisations and remove members (chair, secretariat). */
  canManage: boolean
  /** May give, take or remove the chair role (chair only). */
  canManageChairs: boolean
  pending: boolean
  onChange: (patch: MemberPatch) => void
  onRemove: () => void
}

export function MemberRow({
  member,
  organisations,
  showEmail,
  isSelf,
  canManage,
  canManageChairs,
  pending,
  onChange,
  onRemove,
}: MemberRowProps) {
  // Only a chair may change anything about a chair's role or membership.
  const mayChangeRole = canManage && (member.role !== 'chair' || canManageChairs)
  const roles = ROLES.filter((role) => role !== 'chair' || canManageChairs)
  const organisation = organisations.find(({ id }) => id === member.organisationId)

  return (
    <tr>
      <th scope="row">
        {member.name}
        {isSelf && <span className="muted"> (you)</span>}
      </th>
      <td>
        {canManage ? (
          <select
            aria-label={`Organisation for ${member.name}`}
            value={member.organisationId}
            onChange={(event) => onChange({ organisationId: event.target.value })}
          >
            {!organisation && <option value={member.organisationId}>Unknown organisation</option>}
            {organisations.map(({ id, name }) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        ) : (
          (organisation?.name ?? 'Unknown organisation')
        )}
      </td>
      <td>
        {mayChangeRole ? (
          <select
            aria-label={`Role for ${member.name}`}
            value={member.role}
            onChange={(event) => onChange({ role: event.target.value as Role })}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        ) : (
          <RoleBadge role={member.role} />
        )}
      </td>
      {showEmail && <td>{member.email}</td>}
      {canManage && (
        <td className="data-table__actions">
          {mayChangeRole && (
            <button
              type="button"
              className="button button--small button--danger"
              disabled={pending}
              onClick={onRemove}
            >
              Remove
            </button>
          )}
        </td>
      )}
    </tr>
  )
}
