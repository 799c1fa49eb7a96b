import type { LedgerAction } from '@accord/minutes/ledger'

export type ActionStatus = LedgerAction['status']

/** In the order a piece of work goes through them; sorting by status follows it. */
export const ACTION_STATUSES = [
  'open',
  'in_progress',
  'done',
  'dropped',
] as const satisfies readonly ActionStatus[]

export const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
}
