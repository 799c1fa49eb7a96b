import type { StructureDecision } from '@accord/minutes/structure'
import { SuggestedBadge } from './SuggestedBadge.tsx'

/** What the meeting decided, in the order the minutes record it. */
export function DecisionList({ decisions }: { decisions: StructureDecision[] }) {
  return (
    <section className="structure__section" aria-labelledby="structure-decisions">
      <h3 id="structure-decisions">Decisions</h3>
      {decisions.length === 0 ? (
        <p className="muted">No decisions yet.</p>
      ) : (
        <ul className="structure__list">
          {decisions.map((decision) => (
            <li key={decision.key} className="structure__item">
              <p className="structure__text">
                {decision.text} {decision.origin === 'suggested' && <SuggestedBadge />}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
