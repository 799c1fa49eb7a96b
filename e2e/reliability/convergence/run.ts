import { applyStoredUpdates, RoomServer, type DocumentStore } from '@accord/sync'
import { SaveStatus } from '@accord/sync/client'
import { MINUTES_FIELD } from '@accord/minutes'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { applyEdit } from './edits.ts'
import { Network, type Link, type NetworkCounts } from './network.ts'
import type { Scenario, Step } from './scenario.ts'

export interface RunFigures {
  /** Edits that changed a replica's document, all of which the final checks cover. */
  edits: number
  network: NetworkCounts
}

/** How many rounds of "reconnect everyone, deliver everything" healing may take. */
const MAX_HEALING_ROUNDS = 100

interface Replica {
  doc: Y.Doc
  provider: WebsocketProvider
  saveStatus: SaveStatus
}

/**
 * Runs one scenario: real y-websocket providers (with Accord's SaveStatus) on a simulated
 * network to a real RoomServer over `store`, then heals the network and checks that every
 * replica, the server's room and the stored document hold the same document, with nothing
 * pending anywhere. Throws on the first difference.
 */
export async function runScenario(
  scenario: Scenario,
  store: DocumentStore,
  docName: string,
): Promise<RunFigures> {
  // The package defaults (commit and awareness intervals 0: once per event-loop turn, not
  // the app's 10 and 50 ms): what the server does then happens only when the test lets the
  // event loop turn, so a seed replays exactly, and runs take no wall-clock waits. Batching
  // still happens: a 'deliver' step hands the server several frames in one turn.
  const rooms = new RoomServer({ store, compactAfter: scenario.compactAfter })
  const network = new Network(rooms, docName)
  const replicas = Array.from({ length: scenario.replicas }, (_, index) =>
    createReplica(network, docName, index, scenario.clientIds[index]!),
  )
  let edits = 0
  let expected: DocumentState
  try {
    for (const link of [...network.current.values()]) network.open(link)
    for (const step of scenario.steps) {
      if (await runStep(step, scenario, network, replicas)) edits++
    }
    await heal(network, replicas)
    expected = await checkConverged(scenario, rooms, docName, network, replicas)
  } finally {
    for (const { saveStatus, provider, doc } of replicas) {
      saveStatus.destroy()
      provider.destroy()
      doc.destroy()
    }
    await rooms.close()
  }
  const stored = new Y.Doc()
  try {
    const skipped = applyStoredUpdates(stored, await store.load(docName))
    if (skipped > 0) throw new Error(`${skipped} stored updates could not be applied`)
    expectSameDocument(describe(stored), expected, 'the document reloaded from the store')
  } finally {
    stored.destroy()
  }
  return { edits, network: network.counts }
}

function createReplica(
  network: Network,
  docName: string,
  index: number,
  clientId: number,
): Replica {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const provider = new WebsocketProvider('ws://simulated', docName, doc, {
    WebSocketPolyfill: network.socketClass(index),
    disableBc: true,
    // y-websocket waits 2^n × 100 ms before reconnecting; the test decides when a new socket
    // opens (see `reconnect`), so the wait would only slow runs down.
    maxBackoffTime: 0,
  })
  return { doc, provider, saveStatus: new SaveStatus(provider) }
}

/** Runs one step; returns whether it was an edit that changed a document. */
async function runStep(
  step: Step,
  scenario: Scenario,
  network: Network,
  replicas: Replica[],
): Promise<boolean> {
  const replica = 'replica' in step ? step.replica % replicas.length : 0
  const link = network.current.get(replica)
  switch (step.kind) {
    case 'edit':
      return applyEdit(replicas[replica]!.doc, step.edit)
    case 'deliver': {
      const channels = network.channels()
      if (channels.length === 0) return false
      const channel = channels[step.channel % channels.length]!
      for (let k = 0; k < step.count && channel.link.state === 'open'; k++) {
        const queue = channel.link[channel.direction]
        if (queue.length === 0) break
        const frame = scenario.reorderWithinConnection ? (step.frame + k) % queue.length : 0
        network.deliver(channel, frame)
      }
      return false
    }
    case 'duplicate': {
      const channels = network.channels()
      if (channels.length > 0) network.deliver(channels[step.channel % channels.length]!, 0, true)
      return false
    }
    case 'drop':
      if (link) network.drop(link, step.serverNotices, step.clientNotices)
      return false
    case 'notice':
      if (link) notice(network, link)
      return false
    case 'reconnect':
      reconnect(network, replicas[replica]!, replica, true)
      return false
    case 'tick':
      await settle()
      return false
  }
}

function notice(network: Network, link: Link): void {
  network.noticeServer(link)
  network.noticeClient(link)
}

/**
 * Opens the replica's new socket if it has noticed its last one closed. y-websocket creates
 * the socket from a timer; creating it here instead (`connect()`, what the timer calls) only
 * moves that moment, which nobody can observe: a socket does nothing until it opens.
 */
function reconnect(network: Network, replica: Replica, index: number, counted: boolean): boolean {
  if (replica.provider.ws === null) replica.provider.connect()
  const link = network.current.get(index)
  if (link?.state !== 'connecting') return false
  network.open(link)
  if (counted) network.counts.reconnects++
  return true
}

/** Lets the server's scheduled work (commits, fan-out, compaction, awareness) run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * The network recovers: every broken connection is noticed at both ends, every replica
 * reconnects, and every frame is delivered in order, until nothing is left in flight and the
 * server has nothing more to say.
 */
async function heal(network: Network, replicas: Replica[]): Promise<void> {
  for (const link of network.links) if (link.state === 'broken') notice(network, link)
  for (let round = 0; round < MAX_HEALING_ROUNDS; round++) {
    let moved = false
    replicas.forEach((replica, index) => {
      if (reconnect(network, replica, index, false)) moved = true
    })
    for (let channels = network.channels(); channels.length > 0; channels = network.channels()) {
      moved = true
      for (const channel of channels) {
        while (channel.link.state === 'open' && channel.link[channel.direction].length > 0) {
          network.deliver(channel)
        }
      }
    }
    await settle()
    if (!moved && network.channels().length === 0) return
  }
  throw new Error(`the network did not settle after ${MAX_HEALING_ROUNDS} rounds of healing`)
}

interface DocumentState {
  snapshot: Y.Snapshot
  stateVector: [number, number][]
  text: unknown
  minutes: string
  pending: { structs: unknown; deleteSet: unknown }
}

function describe(doc: Y.Doc): DocumentState {
  return {
    snapshot: Y.snapshot(doc),
    stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b),
    text: doc.getText('text').toDelta(),
    minutes: doc.getXmlFragment(MINUTES_FIELD).toString(),
    pending: { structs: doc.store.pendingStructs, deleteSet: doc.store.pendingDs },
  }
}

async function checkConverged(
  scenario: Scenario,
  rooms: RoomServer,
  docName: string,
  network: Network,
  replicas: Replica[],
): Promise<DocumentState> {
  // Websockets never reorder a connection's frames, so the server may refuse a frame that
  // arrives before what it depends on (closing the connection: the client reconnects and its
  // step 2 resends everything); delivered in order, no valid frame may be refused.
  if (network.counts.serverCloses.length > 0 && !scenario.reorderWithinConnection) {
    throw new Error(`the server closed connections: ${JSON.stringify(network.counts.serverCloses)}`)
  }
  const server = await rooms.read(docName, describe)
  expectNothingPending(server, "the server room's document")
  replicas.forEach((replica, index) => {
    expectSameDocument(describe(replica.doc), server, `replica ${index}`)
    if (!replica.provider.synced) throw new Error(`replica ${index} is not synced after healing`)
    // Saved acknowledgements carry a frame count: delivered out of order on one connection, an
    // older one lands last and the count goes back. Websockets never reorder, so the save
    // status is only held to account on connections that were delivered in order.
    const link = network.current.get(index)
    if (!link?.reordered && !replica.saveStatus.saved) {
      throw new Error(`replica ${index} does not show its edits saved after healing`)
    }
  })
  if (network.channels().length > 0) throw new Error('frames still in flight after the checks')
  return server
}

function deleteSet(snapshot: Y.Snapshot): [number, [number, number][]][] {
  return [...snapshot.ds.clients]
    .sort(([a], [b]) => a - b)
    .map(([client, ranges]) => [client, ranges.map(({ clock, len }) => [clock, len])])
}

/** Updates waiting for ones they depend on mean something never arrived. */
function expectNothingPending({ pending }: DocumentState, who: string): void {
  if (pending.structs !== null || pending.deleteSet !== null) {
    throw new Error(`${who} holds pending updates whose dependencies never arrived`)
  }
}

/** Same content, same state vector and delete set, and nothing waiting for missing updates. */
function expectSameDocument(actual: DocumentState, expected: DocumentState, who: string): void {
  const fail = (what: string, a: unknown, b: unknown) => {
    throw new Error(
      `${who}: ${what} differs from the server's.\n  got:      ${JSON.stringify(a)}\n` +
        `  expected: ${JSON.stringify(b)}`,
    )
  }
  expectNothingPending(actual, who)
  if (JSON.stringify(actual.stateVector) !== JSON.stringify(expected.stateVector)) {
    fail('state vector', actual.stateVector, expected.stateVector)
  }
  if (!Y.equalSnapshots(actual.snapshot, expected.snapshot)) {
    fail('delete set', deleteSet(actual.snapshot), deleteSet(expected.snapshot))
  }
  if (JSON.stringify(actual.text) !== JSON.stringify(expected.text)) {
    fail('Y.Text content', actual.text, expected.text)
  }
  if (actual.minutes !== expected.minutes) fail('minutes', actual.minutes, expected.minutes)
}
