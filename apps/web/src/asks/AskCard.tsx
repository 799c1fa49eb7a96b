import type { Ledger, LedgerAsk } from '@accord/minutes/ledger'
import { Link } from 'react-router'
import { formatMeetingDate } from '../dates.ts'
import { AskControls } from './AskControls.tsx'
import { AskSupporters } from './AskSupporters.tsx'
import { EndorsementHistory } from './EndorsementHistory.tsx'

interface AskCardProps {
  coalitionId: string
  ask: LedgerAsk
  ledger: Ledger
  /** The signed-in person's organisation, when they may endorse for it. */
  endorsingFor: { id: string; shortName: string } | null
  canMove: boolean
  onChanged: (ask: LedgerAsk, message: string) => void
}

/** One ask: its words, whom it asks, who backs it, where it was minuted and who changed that. */
export function AskCard({
  coalitionId,
  ask,
  ledger,
  endorsingFor,
  canMove,
  onChanged,
}: AskCardProps) {
  const textId = `ask-${ask.key}`
  const meeting = ledger.meetings.find((m) => m.id === ask.meetingId)
  const mayChange = canMove || endorsingFor !== null
  return (
    <li className="ask-card" data-key={ask.key}>
      <p className="ask-card__text" id={textId}>
        {ask.text}
      </p>
      <dl className="ask-card__facts">
        <div>
          <dt>Asked of</dt>
          <dd>{ask.target ?? <span className="muted">Nobody named yet</span>}</dd>
        </div>
        <div>
          <dt>Supported by</dt>
          <dd>
            <AskSupporters
              coalitionId={coalitionId}
              ask={ask}
              organisations={ledger.organisations}
            />
          </dd>
        </div>
        <div>
          <dt>Minuted in</dt>
          <dd>
            <Link to={`/meetings/${encodeURIComponent(ask.meetingId)}`}>
              {meeting?.title ?? 'the minutes'}
            </Link>
            {meeting && `, ${formatMeetingDate(meeting.date)}`}
          </dd>
        </div>
      </dl>
      <EndorsementHistory
        endorsements={ask.endorsements}
        organisations={ledger.organisations}
        askTextId={textId}
      />
      {mayChange &&
        (ask.editable ? (
          <AskControls
            coalitionId={coalitionId}
            ask={ask}
            askTextId={textId}
            endorsingFor={endorsingFor}
            canMove={canMove}
            onChanged={onChanged}
          />
        ) : (
          <p className="field__hint ask-card__read-only">
            The minutes of this meeting are approved, so this ask can no longer change here.
          </p>
        ))}
    </li>
  )
}
