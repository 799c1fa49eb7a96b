/**
 * Each transaction of a concurrent trace as the Yjs update its typist's editor would have sent.
 *
 * A transaction's positions are relative to the version its parents name, not to whatever a
 * live client holds when it replays it (a live client has usually received more: the other
 * typist's later keystrokes). So the edit is made where the typist made it: every agent has a
 * branch document (gc: false) that holds exactly the parents' version when the transaction is
 * applied to it – the agent's own earlier edits plus the other agents' transactions in the
 * parents' causal past, merged in trace order – and the patches are applied there with
 * Y.Text. The update that produces names its neighbours and the characters it deletes by Yjs
 * item IDs (origin, right origin, delete set), which is what Y.RelativePosition would name;
 * applied to a live document holding the parents and anything else, Yjs integrates it exactly
 * as it integrates a remote editor's concurrent edit. A live client applies these updates
 * (replay.ts), and its provider sends them to the server as it sends any local change.
 *
 * The traces' README promises no two agents ever insert concurrently at the same place, so any
 * CRDT's tie-break gives the trace's endContent; edits.test.ts checks that Yjs's does.
 */
import * as Y from 'yjs'
import type { Causality, ConcurrentTrace } from './trace.ts'

export interface Edit {
  /** Index of the transaction in the trace. */
  index: number
  agent: number
  /** The update the agent's editor sends (Yjs update format v1, as y-websocket sends). */
  update: Uint8Array
  /** `needs[b]`: how many of agent b's edits a client must hold before this one. */
  needs: number[]
  /** Set when the edit inserts: a client holds it once its state for `client` reaches `clockEnd`. */
  inserts: { client: number; clockEnd: number } | null
  /** What the edit deletes, `[client, clock, length]`; how a delete-only edit is recognised. */
  deletes: [number, number, number][]
  /**
   * A delete-only edit whose every character another agent also deletes: a client may show
   * those characters deleted before this edit reaches it, so its arrival cannot be timed.
   */
  untimed: boolean
}

/**
 * The Yjs client ID of each agent's edits. Fixed, so every run sends the same bytes; with no
 * concurrent inserts at one place the ID never decides an order (edits.test.ts tries others).
 */
export function agentClientIds(agents: number, base = 1): number[] {
  return Array.from({ length: agents }, (_, agent) => base + agent)
}

export interface TraceEdits {
  edits: Edit[]
  clientIds: number[]
  /** The text after merging every edit, as one Yjs document sees it. */
  mergedText: string
}

export function traceEdits(
  trace: ConcurrentTrace,
  causal: Causality,
  clientIds = agentClientIds(trace.numAgents),
): TraceEdits {
  const agents = trace.numAgents
  const branches = clientIds.map((clientID) => {
    const doc = new Y.Doc({ gc: false })
    doc.clientID = clientID
    return doc
  })
  /** Which transactions each branch holds, by agent: a count, as each agent's are a sequence. */
  const held = branches.map(() => new Array<number>(agents).fill(0))
  const updates: Uint8Array[] = []
  const edits: Edit[] = []

  trace.txns.forEach((txn, index) => {
    const branch = branches[txn.agent]!
    const has = held[txn.agent]!
    const needs = causal.needs[index]!
    // Bring the branch to the parents' version: the missing transactions, in trace order
    // (parents always come earlier in a trace, so that order is causal).
    const missing: number[] = []
    needs.forEach((count, agent) => {
      for (let k = has[agent]!; k < count; k++) missing.push(causal.byAgent[agent]![k]!)
      has[agent] = Math.max(has[agent]!, count)
    })
    missing.sort((a, b) => a - b)
    for (const earlier of missing) Y.applyUpdate(branch, updates[earlier]!)

    const text = branch.getText('text')
    let update: Uint8Array | undefined
    const capture = (u: Uint8Array) => (update = u)
    branch.on('update', capture)
    branch.transact(() => {
      for (const [position, deleteCount, insertText] of txn.patches) {
        if (deleteCount > 0) text.delete(position, deleteCount)
        if (insertText) text.insert(position, insertText)
      }
    })
    branch.off('update', capture)
    if (!update) throw new Error(`transaction ${index} changes nothing`)
    has[txn.agent]!++
    updates.push(update)

    const { structs, ds } = Y.decodeUpdate(update)
    const own = structs.filter((struct) => struct.id.client === clientIds[txn.agent])
    const last = own.at(-1)
    const deletes: [number, number, number][] = []
    ds.clients.forEach((items, client) => {
      for (const item of items) deletes.push([client, item.clock, item.len])
    })
    edits.push({
      index,
      agent: txn.agent,
      update,
      needs,
      inserts: last ? { client: last.id.client, clockEnd: last.id.clock + last.length } : null,
      deletes,
      untimed: false,
    })
  })

  markUntimed(edits)
  const merged = new Y.Doc({ gc: false })
  for (const update of updates) Y.applyUpdate(merged, update)
  const mergedText = merged.getText('text').toString()
  for (const doc of [merged, ...branches]) doc.destroy()
  return { edits, clientIds, mergedText }
}

/** Marks delete-only edits whose every deleted character some other agent deletes too. */
function markUntimed(edits: Edit[]): void {
  const deleters = new Map<string, Set<number>>()
  const each = (edit: Edit, visit: (key: string) => void) => {
    for (const [client, clock, length] of edit.deletes) {
      for (let c = clock; c < clock + length; c++) visit(`${client}:${c}`)
    }
  }
  for (const edit of edits) {
    each(edit, (key) => {
      let agents = deleters.get(key)
      if (!agents) deleters.set(key, (agents = new Set()))
      agents.add(edit.agent)
    })
  }
  for (const edit of edits) {
    if (edit.inserts || edit.deletes.length === 0) continue
    let alone = false
    each(edit, (key) => (alone ||= deleters.get(key)!.size === 1))
    edit.untimed = !alone
  }
}
