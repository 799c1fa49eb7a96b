import { can } from '@accord/coalition'
import type { Ledger, LedgerAsk } from '@accord/minutes/ledger'
import { useState } from 'react'
import type { CoalitionView } from '../api/coalitions.ts'
import { AskCard } from './AskCard.tsx'
import { groupAsks, letterTargets } from './group-asks.ts'
import { JointLetter } from './JointLetter.tsx'

interface AsksBoardProps {
  view: CoalitionView
  ledger: Ledger
  /** The ask as the server now has it, to show in place. */
  onAskChanged: (ask: LedgerAsk) => void
}

/** Every ask of the coalition by status, with what the signed-in person may do to each. */
export function AsksBoard({
  view: { coalition, membership },
  ledger,
  onAskChanged,
}: AsksBoardProps) {
  // Said aloud after a change: an ask moved to another status leaves the place focus was in.
  const [announcement, setAnnouncement] = useState('')
  const endorsingFor = can(membership.role, 'editMinutes') ? membership.organisation : null
  const canMove = can(membership.role, 'manageMeetings')

  const changed = (ask: LedgerAsk, message: string) => {
    onAskChanged(ask)
    setAnnouncement(message)
  }

  return (
    <>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {ledger.asks.length === 0 && (
        <p className="empty-state">
          No asks yet. An ask minuted in a meeting (“We will ask HM Treasury to …”) appears here
          once it is accepted in the minutes.
        </p>
      )}
      {ledger.asks.length > 0 &&
        groupAsks(ledger.asks, ledger.meetings).map((group) => (
          <section
            key={group.status}
            className="ask-group"
            aria-labelledby={`asks-${group.status}`}
          >
            <h2 id={`asks-${group.status}`}>
              {group.heading} <span className="ask-group__count">({group.asks.length})</span>
            </h2>
            {group.asks.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="ask-group__list">
                {group.asks.map((ask) => (
                  <AskCard
                    key={ask.key}
                    coalitionId={coalition.id}
                    ask={ask}
                    ledger={ledger}
                    endorsingFor={endorsingFor}
                    canMove={canMove}
                    onChanged={changed}
                  />
                ))}
              </ul>
            )}
          </section>
        ))}
      <JointLetter coalitionId={coalition.id} targets={letterTargets(ledger.asks)} />
    </>
  )
}
