import type { Organisation, OrganisationPatch } from '@accord/coalition'
import { removeOrganisation, updateOrganisation } from '../api/organisations.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'
import { AddOrganisationForm } from './AddOrganisationForm.tsx'
import { OrganisationRow } from './OrganisationRow.tsx'

interface OrganisationsSectionProps {
  coalitionId: string
  organisations: Organisation[]
  canManage: boolean
  /** Applies a change the server confirmed to the page's list of organisations. */
  onChange: (change: (organisations: Organisation[]) => Organisation[]) => void
}

export function OrganisationsSection({
  coalitionId,
  organisations,
  canManage,
  onChange,
}: OrganisationsSectionProps) {
  const { run, pending, error, setError } = useAction()

  const save = (id: string, patch: OrganisationPatch) =>
    run(async () => {
      const saved = await updateOrganisation(coalitionId, id, patch)
      onChange((list) =>
        list.map((organisation) => (organisation.id === id ? saved : organisation)),
      )
    })

  const remove = (id: string) =>
    void run(async () => {
      await removeOrganisation(coalitionId, id)
      onChange((list) => list.filter((organisation) => organisation.id !== id))
    })

  const sorted = [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  return (
    <section className="settings-section" aria-labelledby="organisations-heading">
      <h2 id="organisations-heading">Organisations</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Short name</th>
              <th scope="col">Aliases</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {sorted.map((organisation) => (
              <OrganisationRow
                key={organisation.id}
                organisation={organisation}
                canManage={canManage}
                pending={pending}
                onSave={(patch) => save(organisation.id, patch)}
                onRemove={() => remove(organisation.id)}
                onCancel={() => setError(null)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <FormError message={error} />
      {canManage && (
        <AddOrganisationForm
          coalitionId={coalitionId}
          onAdded={(added) => onChange((list) => [...list, added])}
        />
      )}
    </section>
  )
}
