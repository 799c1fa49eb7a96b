import type { Organisation } from '@accord/coalition'
import { formatMeetingDateFull } from '../dates.ts'
import { organisationNames } from '../editor/organisations.ts'
import { strengthOf, type Suggestion } from './find-suggestions.ts'
import { STRENGTH_LABELS, STRENGTH_MEANINGS } from './strength-meaning.ts'

interface SuggestionDetailsProps {
  suggestion: Suggestion
  organisations: readonly Organisation[]
}

/** What accepting would record: owners and due date, or target and supporters, and why. */
export function SuggestionDetails({ suggestion, organisations }: SuggestionDetailsProps) {
  const strength = strengthOf(suggestion)
  return (
    <dl className="suggestion-popover__details">
      {suggestion.kind === 'action' && (
        <>
          <dt>Owners</dt>
          <dd>
            <Names
              known={organisationNames(suggestion.item.owners, organisations)}
              unknown={suggestion.item.unknownOwners}
              none="No owner found"
            />
          </dd>
          <dt>Due</dt>
          <dd>
            <Due due={suggestion.item.due} dueText={suggestion.item.dueText} />
          </dd>
        </>
      )}
      {suggestion.kind === 'ask' && (
        <>
          <dt>Asked of</dt>
          <dd>{suggestion.item.target ?? 'Not named'}</dd>
          <dt>Backed by</dt>
          <dd>
            <Names
              known={organisationNames(suggestion.item.supporters, organisations)}
              unknown={suggestion.item.unknownSupporters}
              none="No supporters named"
            />
          </dd>
        </>
      )}
      <dt>How sure</dt>
      <dd>
        {STRENGTH_LABELS[strength]}: {STRENGTH_MEANINGS[strength]}
      </dd>
      <dt>Why</dt>
      <dd>{suggestion.item.reason}</dd>
    </dl>
  )
}

function Names({ known, unknown, none }: { known: string[]; unknown: string[]; none: string }) {
  if (known.length === 0 && unknown.length === 0) return <>{none}</>
  return (
    <ul className="suggestion-popover__names">
      {known.map((name) => (
        <li key={name}>{name}</li>
      ))}
      {unknown.map((name) => (
        <li key={`unknown:${name}`} className="structure-flag">
          {name} <span className="structure-flag__note">(unknown organisation)</span>
        </li>
      ))}
    </ul>
  )
}

function Due({ due, dueText }: { due: string | null; dueText: string | null }) {
  if (due) return <>{formatMeetingDateFull(due)}</>
  if (dueText) {
    return (
      <span className="structure-flag">
        “{dueText}” <span className="structure-flag__note">(date not recognised)</span>
      </span>
    )
  }
  return <>No due date</>
}
