import type { Commitment, CommitmentGroups } from './commitments.ts'
import { CommitmentItem } from './CommitmentItem.tsx'

const SECTIONS = [
  { group: 'open', heading: 'Open', empty: 'Nothing outstanding.' },
  { group: 'done', heading: 'Done', empty: 'Nothing done yet.' },
  { group: 'dropped', heading: 'Dropped', empty: 'Nothing dropped.' },
] as const

/** What the organisation committed to: still to do, then done, then dropped. */
export function CommitmentsSections({ groups }: { groups: CommitmentGroups }) {
  return (
    <>
      {SECTIONS.map(({ group, heading, empty }) => (
        <CommitmentSection
          key={group}
          id={group}
          heading={heading}
          empty={empty}
          commitments={groups[group]}
        />
      ))}
    </>
  )
}

interface CommitmentSectionProps {
  id: string
  heading: string
  empty: string
  commitments: Commitment[]
}

function CommitmentSection({ id, heading, empty, commitments }: CommitmentSectionProps) {
  const headingId = `commitments-${id}`
  return (
    <section className="commitments" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {heading} <span className="commitments__count">({commitments.length})</span>
      </h2>
      {commitments.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="commitments__list">
          {commitments.map((commitment) => (
            <CommitmentItem key={commitment.action.key} commitment={commitment} />
          ))}
        </ul>
      )}
    </section>
  )
}
