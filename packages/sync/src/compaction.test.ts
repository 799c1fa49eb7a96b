import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemoryStore, type DocumentLog } from './store.ts'
import { applyStoredUpdates } from './stored-updates.ts'
import { startHarness, waitFor } from './testing/websocket-harness.ts'

let harness: { close(): Promise<void> } | undefined

afterEach(async () => {
  await harness?.close()
  harness = undefined
})

/** Edits of one document, each as the update it sent, recorded in order. */
function editLog(edits: ((text: Y.Text) => void)[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (const edit of edits) edit(doc.getText('text'))
  return { doc, updates }
}

function loaded(updates: readonly Uint8Array[], oneByOne = false): Y.Doc {
  const doc = new Y.Doc()
  if (oneByOne) for (const update of updates) Y.applyUpdate(doc, update)
  else applyStoredUpdates(doc, updates)
  return doc
}

const textOf = (doc: Y.Doc) => doc.getText('text').toString()

describe('a snapshot stored after later updates', () => {
  // Compaction deletes the rows it read and appends their snapshot, so the snapshot sorts after
  // updates that were appended meanwhile and depend on it. Yjs holds an update whose
  // dependencies have not arrived and applies it once they do; this is the claim that rests on.
  it.each([false, true])('loads the same document (one update at a time: %s)', (oneByOne) => {
    const { doc, updates } = editLog([
      (t) => t.insert(0, 'ALC will write.'),
      (t) => t.insert(15, ' FPCT will review.'),
      (t) => t.insert(0, 'Actions: '),
      // Appended after the read: inserts into, and deletes from, what the snapshot holds.
      (t) => t.insert(t.length, ' Done.'),
      (t) => t.delete(9, 4),
    ])
    const read = updates.slice(0, 3)
    const snapshot = Y.encodeStateAsUpdate(loaded(read))
    const stored = [...updates.slice(3), snapshot]

    const restored = loaded(stored, oneByOne)
    expect(textOf(restored)).toBe(textOf(doc))
    expect(textOf(restored)).toBe('Actions: will write. FPCT will review. Done.')
    expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(doc))
    // A second compaction of that log holds it all in one update.
    expect(textOf(loaded([Y.encodeStateAsUpdate(restored)]))).toBe(textOf(doc))
  })
})

describe('MemoryStore compaction', () => {
  it('replaces only what was read: an append between the read and the compaction stays', async () => {
    const store = new MemoryStore()
    const { doc, updates } = editLog([
      (t) => t.insert(0, 'One.'),
      (t) => t.insert(4, ' Two.'),
      (t) => t.insert(9, ' Three.'),
    ])
    await store.append(updates.slice(0, 2).map((update) => ({ docName: 'm', update })))
    await store.append([{ docName: 'other', update: updates[0]! }])
    const { updates: read, position } = await store.loadLog('m')
    await store.append([{ docName: 'm', update: updates[2]! }])
    await store.compact('m', Y.encodeStateAsUpdate(loaded(read)), position)

    expect(await store.load('m')).toHaveLength(2)
    expect(textOf(loaded(await store.load('m')))).toBe(textOf(doc))
    expect(await store.load('other')).toEqual([updates[0]])
  })
})

/** One instance's store while another instance appends to the same log after every read. */
class RacedStore extends MemoryStore {
  race: Uint8Array | undefined
  override async loadLog(docName: string): Promise<DocumentLog> {
    const log = await super.loadLog(docName)
    if (this.race) await this.append([{ docName, update: this.race }])
    this.race = undefined
    return log
  }
}

describe('room server compaction', () => {
  it('keeps an update another instance appended while it compacted', async () => {
    const store = new RacedStore()
    const other = editLog([(t) => t.insert(0, 'Elsewhere. ')])
    store.race = other.updates[0]
    const started = await startHarness({ store, compactAfter: 10 })
    harness = started
    const alice = started.client('minutes')
    await alice.synced()
    for (let i = 0; i < 12; i++) {
      alice.text.insert(alice.text.length, `${i} `)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await alice.saved()
    await waitFor(
      () => store.race === undefined && (store.documents.get('minutes')?.length ?? 0) < 5,
    )

    const stored = textOf(loaded(await store.load('minutes')))
    expect(stored).toContain('Elsewhere. ')
    for (let i = 0; i < 12; i++) expect(stored).toContain(`${i} `)
  })

  it('compacts only when it holds the document, and tries again on a later commit', async () => {
    const store = new MemoryStore()
    let allowed = false
    const attempts: string[] = []
    const started = await startHarness({
      store,
      compactAfter: 5,
      exclusive: async (docName, task) => {
        attempts.push(docName)
        if (!allowed) return false
        await task()
        return true
      },
    })
    harness = started
    const alice = started.client('minutes')
    await alice.synced()
    const type = async (count: number) => {
      for (let i = 0; i < count; i++) {
        alice.text.insert(alice.text.length, 'x')
        await alice.saved()
      }
    }
    await type(8)
    await waitFor(() => attempts.length >= 2)
    expect(store.documents.get('minutes')!.length).toBeGreaterThanOrEqual(8)

    allowed = true
    await type(1)
    await waitFor(() => store.documents.get('minutes')!.length === 1)
    expect(textOf(loaded(await store.load('minutes')))).toBe('x'.repeat(9))
    expect(new Set(attempts)).toEqual(new Set(['minutes']))
  })

  it('waits, in a large document, until what was typed since adds up to the snapshot', async () => {
    const store = new MemoryStore()
    const large = new Y.Doc()
    large.getText('text').insert(0, 'An earlier meeting. '.repeat(500))
    const snapshot = Y.encodeStateAsUpdate(large)
    await store.append([{ docName: 'minutes', update: snapshot }])
    const started = await startHarness({ store, compactAfter: 5 })
    harness = started
    const alice = started.client('minutes')
    await alice.synced()
    const rows = () => store.documents.get('minutes')!.length
    const keystroke = async () => {
      alice.text.insert(alice.text.length, 'x')
      await alice.saved()
      await new Promise((resolve) => setImmediate(resolve))
    }

    // Well past compactAfter, but a few bytes against a 10 kB snapshot: not worth re-encoding.
    for (let i = 0; i < 20; i++) await keystroke()
    expect(rows()).toBe(21)

    // A paste as large as the snapshot makes it due.
    alice.text.insert(alice.text.length, 'y'.repeat(snapshot.byteLength))
    await alice.saved()
    await waitFor(() => rows() === 1)
    expect(textOf(loaded(await store.load('minutes')))).toBe(
      'An earlier meeting. '.repeat(500) + 'x'.repeat(20) + 'y'.repeat(snapshot.byteLength),
    )
  })

  it('compacts a large document anyway once the keystrokes reach twenty times compactAfter', async () => {
    const store = new MemoryStore()
    const large = new Y.Doc()
    large.getText('text').insert(0, 'An earlier meeting. '.repeat(500))
    await store.append([{ docName: 'minutes', update: Y.encodeStateAsUpdate(large) }])
    const started = await startHarness({ store, compactAfter: 2 })
    harness = started
    const alice = started.client('minutes')
    await alice.synced()
    // The snapshot and 38 one-letter rows: far from its 10 kB, and one short of 20 × 2 rows.
    for (let i = 0; i < 38; i++) {
      alice.text.insert(alice.text.length, 'x')
      await alice.saved()
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(store.documents.get('minutes')!.length).toBe(39)
    alice.text.insert(alice.text.length, 'x')
    await alice.saved()
    await waitFor(() => store.documents.get('minutes')!.length === 1)
    expect(textOf(loaded(await store.load('minutes')))).toBe(
      'An earlier meeting. '.repeat(500) + 'x'.repeat(39),
    )
  })
})
