import { ROLE_LABELS, ROLES, type Invite, type Organisation, type Role } from '@accord/coalition'
import { useState, type FormEvent } from 'react'
import { createInvite } from '../api/invites.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'
import { SelectField } from '../components/SelectField.tsx'
import { EXPIRY_DAYS, USES_CHOICES, type UsesChoice } from './invite-text.ts'

interface InviteFormProps {
  coalitionId: string
  organisations: Organisation[]
  /** Offer the chair role: only a chair may invite a chair. */
  canInviteChair: boolean
  onCreated: (created: { invite: Invite; path: string }) => void
}

export function InviteForm({
  coalitionId,
  organisations,
  canInviteChair,
  onCreated,
}: InviteFormProps) {
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '')
  const [role, setRole] = useState<Role>('member')
  const [uses, setUses] = useState<UsesChoice>('one')
  const [days, setDays] = useState<number>(14)
  const { run, pending, error } = useAction()

  // The organisation chosen may have been removed above since; fall back to the first.
  const chosen = organisations.some(({ id }) => id === organisationId)
    ? organisationId
    : (organisations[0]?.id ?? '')

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void run(async () => {
      onCreated(
        await createInvite(coalitionId, {
          organisationId: chosen,
          role,
          maxUses: USES_CHOICES[uses].maxUses,
          expiresInDays: days,
        }),
      )
    })
  }

  return (
    <form className="inline-form" noValidate onSubmit={submit}>
      <SelectField label="Organisation" value={chosen} onChange={setOrganisationId}>
        {organisations.map(({ id, name }) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Role" value={role} onChange={(value) => setRole(value as Role)}>
        {ROLES.filter((r) => r !== 'chair' || canInviteChair).map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Uses" value={uses} onChange={(value) => setUses(value as UsesChoice)}>
        {Object.entries(USES_CHOICES).map(([value, { label }]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Expires after" value={String(days)} onChange={(v) => setDays(Number(v))}>
        {EXPIRY_DAYS.map((n) => (
          <option key={n} value={n}>
            {n} days
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={pending}>
        Create invite link
      </button>
      <FormError message={error} />
    </form>
  )
}
