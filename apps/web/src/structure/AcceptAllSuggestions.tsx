import type { Organisation } from '@accord/coalition'
import { useState, useSyncExternalStore } from 'react'
import { ConfirmDialog } from '../meetings/ConfirmDialog.tsx'
import type { Suggestion } from '../suggestions/find-suggestions.ts'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'
import '../suggestions/suggestions.css'
import { plannedItems } from './planned-items.ts'

interface AcceptAllSuggestionsProps {
  review: SuggestionReview
  organisations: readonly Organisation[]
}

interface OpenPlan {
  accepted: Suggestion[]
  weak: Suggestion[]
  /** Why the list was shown again: the minutes changed under it. */
  notice: string | null
}

/**
 * The review after an import: every strong suggestion becomes its node, in one undo step, once
 * a person has seen the list of exactly what will be created. Weak ones are left highlighted
 * for one-by-one review. Counts come from the browser's own reading of the minutes, the one
 * the highlights and the list come from.
 */
export function AcceptAllSuggestions({ review, organisations }: AcceptAllSuggestionsProps) {
  const counts = useSyncExternalStore(review.extraction.subscribe, review.extraction.getCounts)
  const [plan, setPlan] = useState<OpenPlan | null>(null)
  const [gone, setGone] = useState(false)

  if (counts.strong === 0 && counts.weak === 0 && !plan) return null

  const open = () => {
    const found = review.planAcceptAll()
    setGone(!found || found.accepted.length === 0)
    if (found && found.accepted.length > 0) {
      setPlan({ accepted: found.accepted, weak: found.weak, notice: null })
    }
  }
  const confirm = () => {
    if (!plan) return
    const result = review.acceptAll(plan)
    if (result.status === 'changed') {
      const { accepted, weak } = result.plan
      setPlan({
        accepted,
        weak,
        notice: 'The minutes changed while this was open: this is the list now.',
      })
      return
    }
    setGone(result.status === 'nothing')
    setPlan(null)
  }

  const strong = plan?.accepted.length ?? 0
  return (
    <div className="accept-all">
      {counts.strong > 0 && (
        <button type="button" className="button button--small" onClick={open}>
          Accept {plural(counts.strong, 'strong suggestion')}
        </button>
      )}
      {counts.weak > 0 && (
        <p className="muted accept-all__weak">
          {plural(counts.weak, 'weak suggestion')} to review one by one
        </p>
      )}
      {gone && (
        <p className="structure-flag" role="alert">
          No strong suggestion is left in the minutes as written: they may have just changed.
        </p>
      )}
      <ConfirmDialog
        open={plan !== null}
        title={`Accept ${plural(strong, 'strong suggestion')}?`}
        confirmLabel={`Create ${plural(strong, 'item')}`}
        pending={false}
        error={plan?.notice ?? null}
        onConfirm={confirm}
        onCancel={() => setPlan(null)}
      >
        <p>Each becomes an action, ask or decision in the minutes, exactly as listed:</p>
        <ol className="accept-all__list" aria-label="To be created">
          {plannedItems(plan?.accepted ?? [], organisations).map((item) => (
            <li key={item.key}>
              <strong>{item.kind}:</strong> {item.text}
              {item.details.map((detail) => (
                <span key={detail} className="accept-all__meta">
                  {detail}
                </span>
              ))}
            </li>
          ))}
        </ol>
        <p>
          {plan && plan.weak.length > 0
            ? `${plural(plan.weak.length, 'weak suggestion')} ${plan.weak.length === 1 ? 'stays' : 'stay'} highlighted, to accept or dismiss one by one.`
            : 'No weak suggestion is left to review.'}
        </p>
      </ConfirmDialog>
    </div>
  )
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
