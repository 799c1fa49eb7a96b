/**
 * The concurrent editing traces (josephg/editing-traces, format in
 * ../shared/data/editing-traces/README.md): transactions with parents, an agent, and patches
 * whose positions are relative to the version the parents name. Loading checks what the replay
 * relies on, and works out each transaction's causal past per agent.
 */
import fs from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { tracesDir } from '../traces.ts'

/** `[position, deleteCount, insertText]`; a fourth field (a timestamp) is allowed and unused. */
export type ConcurrentPatch = [number, number, string, ...unknown[]]

export interface ConcurrentTxn {
  /** Indices of earlier transactions; the patches apply to their merged version. */
  parents: number[]
  agent: number
  /** RFC 3339, to the second; "1970-01-01T00:00:00+00:00" where it was not recorded. */
  time: string
  patches: ConcurrentPatch[]
}

export interface ConcurrentTrace {
  kind: 'concurrent'
  endContent: string
  numAgents: number
  txns: ConcurrentTxn[]
}

export const traceNames = ['clownschool', 'friendsforever'] as const
export type TraceName = (typeof traceNames)[number]

export function tracePath(name: TraceName): string {
  return path.join(tracesDir, `${name}.json.gz`)
}

export function loadConcurrentTrace(name: TraceName): ConcurrentTrace {
  const file = tracePath(name)
  if (!fs.existsSync(file)) {
    throw new Error(
      `Editing trace not found at ${file}; the bench expects shared/ beside the repo.`,
    )
  }
  return readConcurrentTrace(file)
}

/** Reads and checks a concurrent trace from a .json.gz file (a trace or an excerpt of one). */
export function readConcurrentTrace(file: string): ConcurrentTrace {
  const trace = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as ConcurrentTrace
  if (trace.kind !== 'concurrent' || !Array.isArray(trace.txns) || !(trace.numAgents > 0)) {
    throw new Error(`${file} is not a concurrent editing trace`)
  }
  // Trace positions count Unicode code points, Y.Text counts UTF-16 units: equal for ASCII,
  // which both traces are. A trace with other characters would need positions converted.
  const nonAscii = (text: string) => [...text].some((char) => char.charCodeAt(0) > 0x7f)
  if (
    nonAscii(trace.endContent) ||
    trace.txns.some((txn) => txn.patches.some((patch) => nonAscii(patch[2])))
  ) {
    throw new Error(`${file} has non-ASCII text; convert code points to UTF-16 before replaying`)
  }
  return trace
}

/** Who depends on whom: each transaction's place in its agent's sequence and its causal past. */
export interface Causality {
  /** Transaction indices of each agent, in the agent's order. */
  byAgent: number[][]
  /** `seq[i]`: how many of its agent's transactions come before transaction i. */
  seq: number[]
  /**
   * `needs[i][b]`: how many of agent b's transactions are in transaction i's causal past (its
   * parents and their ancestors). Every agent's transactions are totally ordered, so this
   * vector names the parents' version exactly.
   */
  needs: number[][]
}

export function causality(trace: ConcurrentTrace): Causality {
  const agents = trace.numAgents
  const byAgent: number[][] = Array.from({ length: agents }, () => [])
  const seq: number[] = []
  const needs: number[][] = []
  /** The version after transaction i: its needs plus itself. */
  const after: number[][] = []
  trace.txns.forEach((txn, i) => {
    if (!(txn.agent >= 0 && txn.agent < agents)) {
      throw new Error(`transaction ${i} has agent ${txn.agent}, outside 0..${agents - 1}`)
    }
    const version = new Array<number>(agents).fill(0)
    for (const parent of txn.parents) {
      if (!(parent >= 0 && parent < i)) {
        throw new Error(`transaction ${i} names parent ${parent}, which does not come before it`)
      }
      after[parent]!.forEach((count, agent) => (version[agent] = Math.max(version[agent]!, count)))
    }
    const own = byAgent[txn.agent]!
    // The replay keeps one live document per agent, so an agent's edits must be a sequence,
    // each made on top of the previous one (the traces' README promises it).
    if (version[txn.agent] !== own.length) {
      throw new Error(`transaction ${i} does not follow its agent's previous transaction`)
    }
    seq.push(own.length)
    own.push(i)
    needs.push(version)
    after.push(version.map((count, agent) => (agent === txn.agent ? count + 1 : count)))
  })
  return { byAgent, seq, needs }
}
