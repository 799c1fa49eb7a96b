import type { Organisation } from '@accord/coalition'
import type { StructureAction } from '@accord/minutes/structure'
import { DueDate } from './DueDate.tsx'
import { groupActions, type ActionGroup } from './group-actions.ts'
import { SuggestedBadge } from './SuggestedBadge.tsx'

const statusLabel: Record<StructureAction['status'], string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
}

interface ActionListProps {
  actions: StructureAction[]
  organisations: Organisation[]
}

/** Who owes what, by organisation. */
export function ActionList({ actions, organisations }: ActionListProps) {
  return (
    <section className="structure__section" aria-labelledby="structure-actions">
      <h3 id="structure-actions">Actions</h3>
      {actions.length === 0 ? (
        <p className="muted">No actions yet.</p>
      ) : (
        groupActions(actions, organisations).map((group) => <Group key={group.id} group={group} />)
      )}
    </section>
  )
}

function Group({ group }: { group: ActionGroup }) {
  return (
    <div className="structure__group">
      <h4 className={group.unknown ? 'structure-flag' : undefined}>{group.heading}</h4>
      <ul className="structure__list">
        {group.actions.map((action) => (
          <li key={action.key} className="structure__item">
            <p className="structure__text">
              {action.text} {action.origin === 'suggested' && <SuggestedBadge />}
            </p>
            <p className="structure__meta">
              <span>{statusLabel[action.status]}</span>
              <DueDate action={action} />
              {group.unknown && action.unknownOwners.length > 0 && (
                <span className="structure-flag">
                  Not an organisation of the coalition: {action.unknownOwners.join(', ')}
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}
