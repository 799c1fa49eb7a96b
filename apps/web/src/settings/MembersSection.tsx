import type { Member, MemberPatch, Organisation } from '@accord/coalition'
import { useCallback, useRef } from 'react'
import { listMembers, removeMember, updateMember } from '../api/members.ts'
import { errorMessage } from '../api/request.ts'
import { useAction } from '../api/use-action.ts'
import { useApi } from '../api/use-api.ts'
import { FormError } from '../components/FormError.tsx'
import { LoadError } from '../components/LoadError.tsx'
import { MemberRow } from './MemberRow.tsx'

interface MembersSectionProps {
  coalitionId: string
  organisations: Organisation[]
  personId: string
  canManage: boolean
  canManageChairs: boolean
  /** The signed-in person's own role or organisation changed, or they left. */
  onSelfChanged: (removed: boolean) => void
}

export function MembersSection(props: MembersSectionProps) {
  const { coalitionId } = props
  const load = useCallback((signal: AbortSignal) => listMembers(coalitionId, signal), [coalitionId])
  const { state, retry, refresh, update } = useApi(load)

  return (
    <section className="settings-section" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Loading members…
        </p>
      )}
      {state.status === 'failed' && (
        <LoadError message={errorMessage(state.error)} onRetry={retry} />
      )}
      {state.status === 'ready' && (
        <MembersTable {...props} members={state.value} update={update} refresh={refresh} />
      )}
    </section>
  )
}

interface MembersTableProps extends MembersSectionProps {
  members: Member[]
  update: (change: (members: Member[]) => Member[]) => void
  refresh: () => void
}

function MembersTable({
  coalitionId,
  organisations,
  personId,
  canManage,
  canManageChairs,
  onSelfChanged,
  members,
  update,
  refresh,
}: MembersTableProps) {
  const { run, pending, error } = useAction()
  // A select saves on every change, so answers can overtake each other; only the newest
  // request's answer for a person is applied.
  const latest = useRef(new Map<string, number>())

  function change(member: Member, patch: MemberPatch) {
    const call = (latest.current.get(member.personId) ?? 0) + 1
    latest.current.set(member.personId, call)
    const replace = (next: Member) =>
      update((list) => list.map((m) => (m.personId === next.personId ? next : m)))
    replace({ ...member, ...patch })
    void run(async () => {
      try {
        const saved = await updateMember(coalitionId, member.personId, patch)
        if (latest.current.get(member.personId) !== call) return
        replace(saved)
        if (saved.personId === personId) onSelfChanged(false)
      } catch (error) {
        // Show what the server holds again, whatever this page guessed.
        refresh()
        throw error
      }
    })
  }

  function remove(member: Member) {
    void run(async () => {
      await removeMember(coalitionId, member.personId)
      update((list) => list.filter((m) => m.personId !== member.personId))
      if (member.personId === personId) onSelfChanged(true)
    })
  }

  const showEmail = members.some((member) => member.email !== undefined)
  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Organisation</th>
              <th scope="col">Role</th>
              {showEmail && <th scope="col">Email</th>}
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {sorted.map((member) => (
              <MemberRow
                key={member.personId}
                member={member}
                organisations={organisations}
                showEmail={showEmail}
                isSelf={member.personId === personId}
                canManage={canManage}
                canManageChairs={canManageChairs}
                pending={pending}
                onChange={(patch) => change(member, patch)}
                onRemove={() => remove(member)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <FormError message={error} />
    </>
  )
}
