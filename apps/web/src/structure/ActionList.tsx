import type { Organisation } from '@accord/coalition'
import type { StructureAction } from '@accord/minutes/structure'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'
import { ConfirmProposal, ProposedOwners } from './ConfirmProposal.tsx'
import { DueDate } from './DueDate.tsx'
import { groupActions, type ActionGroup } from './group-actions.ts'
import { SuggestedBadge } from './SuggestedBadge.tsx'
import { SuggestionButtons } from './SuggestionButtons.tsx'

const statusLabel: Record<StructureAction['status'], string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
}

interface ActionListProps {
  actions: StructureAction[]
  organisations: Organisation[]
  review: SuggestionReview | null
}

/** Who owes what, by organisation. */
export function ActionList({ actions, organisations, review }: ActionListProps) {
  return (
    <section className="structure__section" aria-labelledby="structure-actions">
      <h3 id="structure-actions">Actions</h3>
      {actions.length === 0 ? (
        <p className="muted">No actions yet.</p>
      ) : (
        groupActions(actions, organisations).map((group) => (
          <Group key={group.id} group={group} organisations={organisations} review={review} />
        ))
      )}
    </section>
  )
}

interface GroupProps {
  group: ActionGroup
  organisations: Organisation[]
  review: SuggestionReview | null
}

function Group({ group, organisations, review }: GroupProps) {
  return (
    <div className="structure__group">
      <h4 className={group.unknown ? 'structure-flag' : undefined}>{group.heading}</h4>
      <ul className="structure__list">
        {group.actions.map((action) => (
          <li key={action.key} className="structure__item">
            <p className="structure__text" id={textId(group, action)}>
              {action.text} {action.origin === 'suggested' && <SuggestedBadge item={action} />}
            </p>
            <p className="structure__meta">
              <span>{statusLabel[action.status]}</span>
              <ProposedOwners action={action} organisations={organisations} />
              <DueDate action={action} />
              {group.unknown && action.unknownOwners.length > 0 && (
                <span className="structure-flag">
                  Not an organisation of the coalition: {action.unknownOwners.join(', ')}
                </span>
              )}
            </p>
            {review && (
              <ConfirmProposal
                action={action}
                organisations={organisations}
                review={review}
                describedBy={textId(group, action)}
              />
            )}
            {review && action.origin === 'suggested' && (
              <SuggestionButtons
                review={review}
                suggestionKey={action.key}
                describedBy={textId(group, action)}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** An action owned by two organisations is listed twice: the id names the group too. */
function textId(group: ActionGroup, action: StructureAction): string {
  return `structure-action-${group.id}-${action.key}`
}
