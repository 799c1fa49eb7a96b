import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { skipContent } from './update-check.ts'

/**
 * Splits a Yjs update (format V1) into updates of about `maxBytes` each which, applied one after
 * another, make the same document as the update applied whole. Yjs applies an update in one go,
 * in time that grows with it (an 8 MB imported document took a second): applied piece by piece
 * the work can be spread over several event-loop turns, and stored piece by piece a document
 * loads the same way.
 *
 * In V1 every struct is written on its own (no delta against the one before), so a piece is
 * runs of the original bytes under new headers: per client, how many structs, the client and
 * the clock of the first. A client appears once per piece. Pieces follow the order the content
 * was made in as far as the update shows it: a struct goes into a piece only once what it
 * refers to (origin, right origin, parent) is in that piece or an earlier one, or is not in the
 * update at all (the document has it already, or Yjs waits for it as it would for the whole
 * update). The delete set goes with the last piece. Throws if the update is malformed.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.byteLength <= maxBytes) return [update]
  const { runs, refs, deleteSetStart } = readRuns(update)
  const byClient = new Map(runs.map((run) => [run.client, run]))
  /** The next clock of each client that the pieces so far hold. */
  const placed = new Map(runs.map((run) => [run.client, run.clock]))
  const next = runs.map(() => 0)
  const isPlaced = (client: number, clock: number) =>
    !byClient.has(client) || clock < placed.get(client)!
  const ready = (run: Run, i: number) => {
    for (let r = run.refs[i]!; r < run.refs[i + 1]!; r += 2) {
      if (!isPlaced(refs[r]!, refs[r + 1]!)) return false
    }
    return true
  }
  const pieces: Uint8Array[] = []
  let piece = new Map<number, { from: number; to: number }>()
  let bytes = 0
  const take = (r: number) => {
    const run = runs[r]!
    const i = next[r]!
    const range = piece.get(r)
    if (range) range.to++
    else piece.set(r, { from: i, to: i + 1 })
    bytes += run.starts[i + 1]! - run.starts[i]!
    placed.set(run.client, run.clocks[i + 1]!)
    next[r] = i + 1
    if (bytes >= maxBytes) {
      pieces.push(encodePiece(update, runs, piece, null))
      piece = new Map()
      bytes = 0
    }
  }
  for (;;) {
    let progressed = false
    let left = false
    runs.forEach((run, r) => {
      while (next[r]! < run.count && ready(run, next[r]!)) {
        take(r)
        progressed = true
      }
      left ||= next[r]! < run.count
    })
    if (!left) break
    if (!progressed) {
      // What is left refers to content the update does not hold: Yjs keeps it waiting whatever
      // the pieces, so it goes as it is, last.
      runs.forEach((run, r) => {
        while (next[r]! < run.count) take(r)
      })
      break
    }
  }
  pieces.push(encodePiece(update, runs, piece, deleteSetStart))
  return pieces
}

/**
 * One client's structs in the update, struct i from byte `starts[i]` to `starts[i + 1]`, clock
 * `clocks[i]` to `clocks[i + 1]`, referring to the (client, clock) pairs of the shared `refs`
 * from `refs[i]` to `refs[i + 1]`. Flat arrays: a document of a million structs is read
 * without a million objects for the collector.
 */
interface Run {
  client: number
  clock: number
  count: number
  starts: number[]
  clocks: number[]
  refs: number[]
}

function readRuns(update: Uint8Array): { runs: Run[]; refs: number[]; deleteSetStart: number } {
  const decoder = decoding.createDecoder(update)
  const runs: Run[] = []
  const refs: number[] = []
  const clients = decoding.readVarUint(decoder)
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(decoder)
    const client = decoding.readVarUint(decoder)
    let clock = decoding.readVarUint(decoder)
    const run: Run = { client, clock, count, starts: [], clocks: [], refs: [] }
    for (let i = 0; i < count; i++) {
      run.starts.push(decoder.pos)
      run.clocks.push(clock)
      run.refs.push(refs.length)
      const info = decoding.readUint8(decoder)
      if (info === undefined) throw new RangeError('unexpected end of update')
      const kind = info & 0b11111
      if (kind === 0 || kind === 10) {
        // Garbage-collected or skipped: a length, nothing else.
        clock += decoding.readVarUint(decoder)
        continue
      }
      if (info & 0b10000000) refs.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder))
      if (info & 0b01000000) refs.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder))
      if ((info & 0b11000000) === 0) {
        if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder)
        else refs.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder))
        if (info & 0b00100000) decoding.readVarString(decoder)
      }
      clock += skipContent(decoder, kind, Infinity)!
    }
    run.starts.push(decoder.pos)
    run.clocks.push(clock)
    run.refs.push(refs.length)
    if (count > 0) runs.push(run)
  }
  return { runs, refs, deleteSetStart: decoder.pos }
}

function encodePiece(
  update: Uint8Array,
  runs: readonly Run[],
  piece: ReadonlyMap<number, { from: number; to: number }>,
  deleteSetStart: number | null,
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, piece.size)
  for (const [r, { from, to }] of piece) {
    const { client, starts, clocks } = runs[r]!
    encoding.writeVarUint(encoder, to - from)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clocks[from]!)
    encoding.writeUint8Array(encoder, update.subarray(starts[from]!, starts[to]!))
  }
  if (deleteSetStart === null) encoding.writeVarUint(encoder, 0)
  else encoding.writeUint8Array(encoder, update.subarray(deleteSetStart))
  return encoding.toUint8Array(encoder)
}
