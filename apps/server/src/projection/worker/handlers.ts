import { reviewMinutes } from '../../demo/review-minutes.ts'
import { renderMinutes } from '../../exports/render-minutes.ts'
import { readImport } from '../../imports/read-import.ts'
import { projectState } from '../project-state.ts'
import type { TaskHandlers } from './protocol.ts'

/** What the extraction worker does for each task (protocol.ts). */
export const taskHandlers: TaskHandlers = {
  project: ({ updates, context }) => projectState(updates, context),
  review: ({ minutes, context }) => reviewMinutes(minutes, context),
  import: ({ input }) => readImport(input),
  render: ({ request }) => renderMinutes(request),
}
