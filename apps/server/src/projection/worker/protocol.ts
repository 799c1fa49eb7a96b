/**
 * What crosses between the server's main thread and an extraction worker (worker_threads
 * structured clone, one object per message):
 *
 *   main → worker  { type: 'task', id, task }, task being one of
 *       { kind: 'project', updates, context } a meeting's Y.Doc as its stored updates
 *                                            (dismissed keys and all, applied in order) and
 *                                            its context: the rows to store
 *       { kind: 'review', minutes, context } ProseMirror JSON with every strong suggestion
 *                                            accepted, as one Yjs update (the demo)
 *       { kind: 'import', input }            minutes being imported (imports/read-import.ts):
 *                                            read into one Yjs update, heading, attendance
 *       { kind: 'render', request }          a meeting's stored minutes read and written out
 *                                            (exports/render-minutes.ts): JSON text, Markdown,
 *                                            HTML or a Word file's bytes
 *   worker → main  { type: 'ready' }               warmed up: send work
 *                  { type: 'done', id, result }    the task's result (TaskResults)
 *                  { type: 'failed', id, message } the task threw: the input could not be read
 *
 * A worker takes one task at a time and answers it before the next. The main thread owns every
 * limit: a worker that dies (an uncaught error, running out of heap) or takes too long is
 * ended and replaced there; the worker itself never retries.
 */
import type { StructureLists } from '@accord/minutes/structure'
import type { JSONContent } from '@tiptap/core'
import type { RenderRequest } from '../../exports/render-minutes.ts'
import type { ImportInput, ImportOutcome } from '../../imports/read-import.ts'
import type { MeetingContext } from '../context.ts'

export type Task =
  | { kind: 'project'; updates: readonly Uint8Array[]; context: MeetingContext }
  | { kind: 'review'; minutes: JSONContent; context: MeetingContext }
  | { kind: 'import'; input: ImportInput }
  | { kind: 'render'; request: RenderRequest }

export interface TaskResults {
  project: StructureLists
  review: Uint8Array
  import: ImportOutcome
  render: string | Uint8Array
}

/** What a worker runs for each kind of task; a task answered later (a Word file) promises it. */
export type TaskHandlers = {
  [Kind in Task['kind']]: (
    task: Extract<Task, { kind: Kind }>,
  ) => TaskResults[Kind] | Promise<TaskResults[Kind]>
}

export interface TaskRequest {
  type: 'task'
  id: number
  task: Task
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: TaskResults[Task['kind']] }
  | { type: 'failed'; id: number; message: string }
