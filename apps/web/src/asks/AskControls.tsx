import type { LedgerAsk } from '@accord/minutes/ledger'
import { useId } from 'react'
import { patchAsk, setEndorsement } from '../api/ledger.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'
import { ASK_STATUS_LABELS, ASK_STATUSES, type AskStatus } from './group-asks.ts'

interface AskControlsProps {
  coalitionId: string
  ask: LedgerAsk
  /** The id of the ask's text, which every control is about. */
  askTextId: string
  /** The signed-in person's organisation, when they may endorse for it. */
  endorsingFor: { id: string; shortName: string } | null
  /** Chair or secretariat: may move the ask along. */
  canMove: boolean
  /** The ask as the server now has it, and a sentence saying what changed. */
  onChanged: (ask: LedgerAsk, message: string) => void
}

/**
 * What a member may do with an editable ask: back it for their own organisation (never another's),
 * or take that backing back; and, for a chair or the secretariat, move it between statuses.
 * The server writes each change into the ask's node in the minutes.
 */
export function AskControls({
  coalitionId,
  ask,
  askTextId,
  endorsingFor,
  canMove,
  onChanged,
}: AskControlsProps) {
  const { run, pending, error } = useAction()
  const statusId = useId()
  const errorId = `${askTextId}-error`

  const move = (status: AskStatus) =>
    void run(async () => {
      const changed = await patchAsk(coalitionId, ask.key, { status })
      onChanged(changed, `Moved to ${ASK_STATUS_LABELS[changed.status]}: “${changed.text}”`)
    })

  // Named in the minutes is not backing: the organisation has not endorsed until it says so here.
  const backing = endorsingFor !== null && ask.endorsedBy.includes(endorsingFor.id)
  const endorse = () =>
    void run(async () => {
      if (!endorsingFor) return
      const changed = await setEndorsement(coalitionId, ask.key, !backing)
      onChanged(
        changed,
        backing
          ? `${endorsingFor.shortName} no longer supports “${changed.text}”`
          : `${endorsingFor.shortName} now supports “${changed.text}”`,
      )
    })

  return (
    <div className="ask-controls">
      {canMove && (
        <div className="ask-controls__status">
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            value={ask.status}
            disabled={pending}
            aria-describedby={`${askTextId} ${error ? errorId : ''}`.trim()}
            onChange={(event) => move(event.target.value as AskStatus)}
          >
            {ASK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {ASK_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
      )}
      {endorsingFor && (
        <button
          type="button"
          className={backing ? 'button button--secondary button--small' : 'button button--small'}
          disabled={pending}
          aria-describedby={askTextId}
          onClick={endorse}
        >
          {backing
            ? `Withdraw ${endorsingFor.shortName}'s support`
            : `Endorse for ${endorsingFor.shortName}`}
        </button>
      )}
      <FormError id={errorId} message={error} />
    </div>
  )
}
