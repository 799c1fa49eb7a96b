import type { MessagePort } from 'node:worker_threads'
import { warmUpExtractor } from '../warm-up.ts'
import type { Task, TaskHandlers, TaskRequest, TaskResults, WorkerMessage } from './protocol.ts'

/**
 * The worker's side of protocol.ts: warms the extractor up, says it is ready, then answers
 * each task with its handler's result, or with why the handler threw.
 */
export function serveExtraction(port: MessagePort, handlers: TaskHandlers): void {
  const send = (message: WorkerMessage) => port.postMessage(message)
  // Before 'ready': the first minutes projected should not pay for compiling the rules.
  warmUpExtractor()
  port.on('message', ({ id, task }: TaskRequest) => {
    const failed = (error: unknown) =>
      send({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) })
    try {
      const result = handle(handlers, task)
      if (result instanceof Promise) {
        result.then((done) => send({ type: 'done', id, result: done }), failed)
      } else send({ type: 'done', id, result })
    } catch (error) {
      failed(error)
    }
  })
  send({ type: 'ready' })
}

function handle(
  handlers: TaskHandlers,
  task: Task,
): TaskResults[Task['kind']] | Promise<TaskResults[Task['kind']]> {
  switch (task.kind) {
    case 'project':
      return handlers.project(task)
    case 'review':
      return handlers.review(task)
    case 'import':
      return handlers.import(task)
    case 'render':
      return handlers.render(task)
  }
}
