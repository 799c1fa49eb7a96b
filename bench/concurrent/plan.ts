/** Everything a replay of one trace needs, worked out before any client connects. */
import { traceEdits, type Edit } from './edits.ts'
import { pace, SPEEDUP } from './pace.ts'
import { causality, loadConcurrentTrace, type ConcurrentTrace, type TraceName } from './trace.ts'

export interface Plan<Name extends string = TraceName> {
  trace: Name
  agents: number
  endContent: string
  edits: Edit[]
  /** Yjs client ID of each agent's edits. */
  clientIds: number[]
  /** Edit indices of each agent, in its order. */
  byAgent: number[][]
  /** Milliseconds after the replay starts at which each edit is due (already sped up). */
  dueMs: number[]
  speedup: number
  /** How the pace was found (timestamps or not), for the report. */
  paceNote: string
}

export function makePlan(trace: TraceName, speedup = SPEEDUP): Plan {
  return planFor(trace, loadConcurrentTrace(trace), speedup)
}

/** The plan of a trace already loaded, e.g. an excerpt kept as a test fixture. */
export function planFor<Name extends string>(
  trace: Name,
  loaded: ConcurrentTrace,
  speedup = SPEEDUP,
): Plan<Name> {
  const causal = causality(loaded)
  const { edits, clientIds, mergedText } = traceEdits(loaded, causal)
  // A replay that cannot reach endContent even in process says nothing about a server.
  if (mergedText !== loaded.endContent) {
    throw new Error(
      `${trace}: merging its Yjs edits in process does not give its endContent; the ` +
        'conversion (bench/concurrent/edits.ts) is wrong: run `npx vitest run bench/concurrent`',
    )
  }
  const { recordedSeconds, note } = pace(loaded)
  return {
    trace,
    agents: loaded.numAgents,
    endContent: loaded.endContent,
    edits,
    clientIds,
    byAgent: causal.byAgent,
    dueMs: recordedSeconds.map((seconds) => (seconds * 1000) / speedup),
    speedup,
    paceNote: note,
  }
}
