import { ROLE_LABELS, type Invite, type Organisation } from '@accord/coalition'
import { formatInstantDate } from '../dates.ts'
import { INVITE_STATUS_LABELS, inviteUses } from './invite-text.ts'

interface InviteTableProps {
  invites: Invite[]
  organisations: Organisation[]
  pending: boolean
  onRevoke: (invite: Invite) => void
}

/** Every invite link, newest first; the links themselves are never shown again. */
export function InviteTable({ invites, organisations, pending, onRevoke }: InviteTableProps) {
  if (invites.length === 0) return <p className="empty-state">No invite links yet.</p>
  const organisationName = (id: string) =>
    organisations.find((organisation) => organisation.id === id)?.name ?? 'Unknown organisation'
  const newestFirst = [...invites].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Role</th>
            <th scope="col">Uses</th>
            <th scope="col">Made by</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((invite) => (
            <tr key={invite.id}>
              <td>{organisationName(invite.organisationId)}</td>
              <td>{ROLE_LABELS[invite.role]}</td>
              <td>{inviteUses(invite)}</td>
              <td>{invite.createdByName || 'A former member'}</td>
              <td>
                <time dateTime={invite.expiresAt}>{formatInstantDate(invite.expiresAt)}</time>
              </td>
              <td>
                <span className={`invite-status invite-status--${invite.status}`}>
                  {INVITE_STATUS_LABELS[invite.status]}
                </span>
              </td>
              <td className="data-table__actions">
                {/* A lapsed link would work again if its maker got their role back. */}
                {(invite.status === 'active' || invite.status === 'lapsed') && (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    disabled={pending}
                    onClick={() => onRevoke(invite)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
