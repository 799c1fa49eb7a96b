/**
 * The live replay: one live document per agent, each typing its agent's edits at their due
 * time once it holds their parents, and noting when it receives the others' edits. How the
 * documents reach each other is not its business: a provider and a server in the bench
 * (generator.ts), in-memory links in replay.test.ts.
 *
 * A client holds another agent's edit once the edit's effect is in its document: an edit that
 * inserts, once the document's state for the edit's client ID reaches the edit's last clock (a
 * Yjs state counts only integrated items, never ones waiting for a missing origin); a
 * delete-only edit, once every character it deletes is deleted there. The server passes each
 * sender's messages on in order, so a client holds each agent's edits as a prefix: checking
 * the next one in the agent's order is enough, and everything up to the last one it holds
 * arrived with the message just received.
 */
import * as Y from 'yjs'
import type { Edit } from './edits.ts'
import type { Plan } from './plan.ts'

/** The transaction origin of a typist's own edits; anything else came from elsewhere. */
export const TYPED = Symbol('typed')

export interface ReplayStats {
  /** Edit sent → another client holds it, ms: one sample per edit and other client. */
  fanOutMs: number[]
  /** For each edit that was due before its typist held its parents: how long it waited, ms. */
  parentWaitMs: number[]
  /** For each edit sent without waiting for parents: how late its timer fired, ms. */
  timerLateMs: number[]
  editsSent: number
  /** Deliveries not timed: delete-only edits whose deletions another agent also made. */
  untimedDeliveries: number
  /** Deliveries (edit × other client) that had not happened when the replay stopped. */
  missingDeliveries: number
  /** Edits never sent because their typist never held their parents. */
  unsentEdits: number
}

export class Replay {
  private readonly sentAt: number[]
  private readonly clients: LiveClient[]
  readonly stats: Omit<ReplayStats, 'missingDeliveries' | 'unsentEdits'> = {
    fanOutMs: [],
    parentWaitMs: [],
    timerLateMs: [],
    editsSent: 0,
    untimedDeliveries: 0,
  }
  startedAt = Number.NaN
  finishedAt = Number.NaN
  private finish: (() => void) | undefined

  /** `docs[agent]` is the live document of that agent's client. */
  constructor(
    readonly plan: Plan<string>,
    docs: readonly Y.Doc[],
    readonly now: () => number = () => performance.now(),
  ) {
    if (docs.length !== plan.agents) {
      throw new Error(`${plan.trace} has ${plan.agents} agents; got ${docs.length} documents`)
    }
    this.sentAt = new Array<number>(plan.edits.length).fill(Number.NaN)
    this.clients = docs.map((doc, agent) => new LiveClient(this, agent, doc))
  }

  /** Starts typing; resolves once every client holds every edit. */
  start(): Promise<void> {
    const done = new Promise<void>((resolve) => (this.finish = resolve))
    this.startedAt = this.now()
    for (const client of this.clients) client.pump()
    this.checkFinished()
    return done
  }

  /** Stops every typist's timer and listener (the documents stay as they are). */
  stop(): void {
    for (const client of this.clients) client.stop()
  }

  result(): ReplayStats {
    let missingDeliveries = 0
    let unsentEdits = 0
    this.clients.forEach((client) => {
      unsentEdits += this.plan.byAgent[client.agent]!.length - client.typed
      client.held.forEach((held, agent) => {
        if (agent !== client.agent) missingDeliveries += this.plan.byAgent[agent]!.length - held
      })
    })
    return { ...this.stats, missingDeliveries, unsentEdits }
  }

  /** How many of its edits the agent's typist has typed so far. */
  typedBy(agent: number): number {
    return this.clients[agent]!.typed
  }

  sentTime(edit: Edit): number {
    return this.sentAt[edit.index]!
  }

  noteSent(edit: Edit, at: number): void {
    this.sentAt[edit.index] = at
    this.stats.editsSent++
  }

  checkFinished(): void {
    if (!this.finish || !this.clients.every((client) => client.complete)) return
    this.finishedAt = this.now()
    this.finish()
    this.finish = undefined
  }
}

/** One agent's client: types its edits, and keeps track of what it holds of everyone's. */
class LiveClient {
  /** `held[b]`: how many of agent b's edits this document holds (own ones: those typed). */
  readonly held: number[]
  typed = 0
  private readonly own: number[]
  private timer: NodeJS.Timeout | undefined
  /** The edit this typist is waiting on for parents, if any. */
  private blocked = -1
  private pumpQueued = false
  private stopped = false

  constructor(
    private readonly replay: Replay,
    readonly agent: number,
    private readonly doc: Y.Doc,
  ) {
    this.own = replay.plan.byAgent[agent]!
    this.held = new Array<number>(replay.plan.agents).fill(0)
    doc.on('afterTransaction', this.received)
  }

  get complete(): boolean {
    return (
      this.typed === this.own.length &&
      this.held.every(
        (held, agent) => agent === this.agent || held === this.replay.plan.byAgent[agent]!.length,
      )
    )
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    this.doc.off('afterTransaction', this.received)
  }

  /** Types every edit that is due and whose parents this document holds. */
  pump(): void {
    const { plan } = this.replay
    clearTimeout(this.timer)
    this.timer = undefined
    while (!this.stopped && this.typed < this.own.length) {
      const edit = plan.edits[this.own[this.typed]!]!
      const due = this.replay.startedAt + plan.dueMs[edit.index]!
      const now = this.replay.now()
      if (now < due) {
        this.timer = setTimeout(() => this.pump(), due - now)
        return
      }
      if (!this.holdsParents(edit)) {
        // Resumed by `received` when the missing edits arrive.
        this.blocked = edit.index
        return
      }
      const stats = this.replay.stats
      if (this.blocked === edit.index) stats.parentWaitMs.push(now - due)
      else stats.timerLateMs.push(now - due)
      this.blocked = -1
      this.replay.noteSent(edit, now)
      // Applied as a remote editor's change would be; the provider sends it (its origin is
      // not the provider's), as it sends every local change.
      Y.applyUpdate(this.doc, edit.update, TYPED)
      this.typed++
      this.held[this.agent] = this.typed
    }
    this.replay.checkFinished()
  }

  private holdsParents(edit: Edit): boolean {
    return edit.needs.every((count, agent) => this.held[agent]! >= count)
  }

  private readonly received = (transaction: Y.Transaction): void => {
    if (transaction.origin === TYPED || this.stopped) return
    const now = this.replay.now()
    const { plan, stats } = this.replay
    let advanced = false
    this.held.forEach((held, agent) => {
      if (agent === this.agent) return
      const theirs = plan.byAgent[agent]!
      let k = held
      while (k < theirs.length) {
        const edit = plan.edits[theirs[k]!]!
        const sentAt = this.replay.sentTime(edit)
        if (Number.isNaN(sentAt) || !holds(this.doc, edit)) break
        if (edit.untimed) stats.untimedDeliveries++
        else stats.fanOutMs.push(now - sentAt)
        k++
      }
      if (k > held) advanced = true
      this.held[agent] = k
    })
    if (!advanced) return
    // Typing waits for the receiving transaction to finish, as an editor's would.
    if (this.blocked >= 0 && !this.pumpQueued) {
      this.pumpQueued = true
      queueMicrotask(() => {
        this.pumpQueued = false
        this.pump()
      })
    }
    this.replay.checkFinished()
  }
}

/** Whether `doc` holds the effect of `edit` (see the file's comment). */
export function holds(doc: Y.Doc, edit: Edit): boolean {
  if (edit.inserts) return Y.getState(doc.store, edit.inserts.client) >= edit.inserts.clockEnd
  return edit.deletes.every(([client, clock, length]) => allDeleted(doc, client, clock, length))
}

function allDeleted(doc: Y.Doc, client: number, clock: number, length: number): boolean {
  if (Y.getState(doc.store, client) < clock + length) return false
  const structs = doc.store.clients.get(client)!
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const struct = structs[i]!
    if (struct.id.clock >= clock + length) break
    if (!struct.deleted) return false
  }
  return true
}
