/**
 * An ask over the websocket obeys the rules the HTTP API keeps: a member may back an ask for
 * their own organisation or take that backing back, and nothing more; only a chair or the
 * secretariat moves an ask along; and the joint letter is signed by the organisations that
 * endorsed, not by whatever the minutes name. Real server, real websockets, real SQLite.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { JSONContent } from '@tiptap/core'
import { MINUTES_FIELD } from '@accord/minutes'
import { minutesToUpdate } from '@accord/minutes/import'
import type { Ledger, LedgerAsk } from '@accord/minutes/ledger'
import { CloseCode } from '@accord/sync'
import type { Client } from '@accord/sync/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { findNodes } from '../ledger/document-edits.ts'
import { rawWriter } from '../meetings/testing/raw-writer.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition, type AccordClient, type SeededCoalition } from '../testing/accord-client.ts'
import { captureLog } from '../testing/log-capture.ts'
import { editMinutes } from '../testing/minutes.ts'
import { tableHashes } from '../testing/table-hashes.ts'
import { until } from '../testing/until.ts'

let server: RunningServer
let dataDir: string
let db: Database.Database
let seed: SeededCoalition
let log: ReturnType<typeof captureLog>
const clients: Client[] = []
const ASK = 'k-pay'

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-ask-permissions-'))
  log = captureLog('warn')
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir }), log.logger)
  seed = await seedCoalition(server.url)
  db = new Database(path.join(dataDir, 'accord.sqlite'), { readonly: true, fileMustExist: true })
  // The secretariat minutes an agreed ask the meeting heard ALC back; FPCT then endorses it
  // for itself. So the minutes name ALC and FPCT, and only FPCT's backing is on record.
  await writeMinutes(seed.secretariat, [
    askNode(ASK, 'Fund the pay rise for care workers.', {
      status: 'agreed',
      supporters: [seed.organisations.alc],
    }),
  ])
  await until('the ask is in the ledger', async () => (await askNow()) !== undefined)
  await seed.secretariat.expect(200, 'POST', `${askPath()}/endorsement`)
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  db.close()
  await server.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const askNode = (id: string, words: string, attrs: Record<string, unknown> = {}) => ({
  type: 'ask',
  attrs: { id, target: 'HM Treasury', ...attrs },
  content: [{ type: 'text', text: words }],
})

const writeMinutes = (person: AccordClient, content: JSONContent[]) =>
  editMinutes(person, seed.meetingId, (doc) =>
    Y.applyUpdate(doc, minutesToUpdate({ type: 'doc', content })),
  )

const askPath = (key = ASK) => `/api/coalitions/${seed.coalitionId}/asks/${key}`

const askNow = async (key = ASK): Promise<LedgerAsk | undefined> => {
  const ledger = await seed.observer.expect<Ledger>(
    200,
    'GET',
    `/api/coalitions/${seed.coalitionId}/ledger`,
  )
  return ledger.asks.find((ask) => ask.key === key)
}

/** The "Signed by" part of the joint letter with the ask in it. */
const signatories = async (key = ASK): Promise<string> => {
  const letter = await seed.observer.expect<string>(
    200,
    'GET',
    `/api/coalitions/${seed.coalitionId}/asks/letter.md?keys=${key}`,
  )
  return letter.slice(letter.indexOf('Signed by'))
}

/** The attributes of the ask as storage holds it, read by a fresh editor. */
async function storedAsk(key = ASK): Promise<Record<string, unknown>> {
  const { minutes } = await seed.chair.expect(200, 'GET', `/api/meetings/${seed.meetingId}/minutes`)
  const found: Record<string, unknown>[] = []
  const visit = (node: JSONContent) => {
    if (node.type === 'ask' && node.attrs?.id === key) found.push(node.attrs)
    node.content?.forEach(visit)
  }
  visit((minutes as { json: JSONContent }).json)
  if (found.length !== 1) throw new Error(`expected one ask ${key}, found ${found.length}`)
  return found[0]!
}

/** An editor of the meeting for `person`, synced, that hears every close code. */
async function editorOf(person: AccordClient) {
  const client = person.sync(seed.meetingId)
  clients.push(client)
  const closes: number[] = []
  client.provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  await client.synced()
  return { client, closes, ask: () => findNodes(client.doc, 'ask', ASK)[0]! }
}

/**
 * What `change` does to the minutes as `person` sees them, as one Yjs update, and a raw socket
 * of theirs to send it on: the update any Yjs client could write, whatever its editor shows.
 */
async function forge(person: AccordClient, change: (doc: Y.Doc) => void) {
  const { client } = await editorOf(person)
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc))
  let update: Uint8Array | undefined
  copy.on('update', (changed: Uint8Array) => (update = changed))
  copy.transact(() => change(copy))
  if (!update) throw new Error('the change changed nothing')
  const writer = await rawWriter(server.url, person, seed.meetingId)
  return { update, writer }
}

const askIn = (doc: Y.Doc, key = ASK) => findNodes(doc, 'ask', key)[0]!

describe('a member writing into an ask over the websocket', () => {
  it('cannot move it to sent and sign every organisation up: refused, and nothing changes', async () => {
    const { alc, fpct, cnn } = seed.organisations
    const before = { ask: await askNow(), letter: await signatories() }
    const { update, writer } = await forge(seed.member, (doc) => {
      askIn(doc).setAttribute('status', 'sent')
      askIn(doc).setAttribute('supporters', [alc, fpct, cnn] as unknown as string)
    })
    const tables = tableHashes(db)
    writer.send(update)
    const closed = await writer.closed
    expect(closed.code).toBe(CloseCode.InvalidPayload)
    expect(closed.reason).toMatch(/chair or the secretariat/)
    expect(tableHashes(db)).toEqual(tables)

    expect(await storedAsk()).toMatchObject({ status: 'agreed', supporters: [alc, fpct] })
    expect(await askNow()).toEqual(before.ask)
    expect(await signatories()).toBe(before.letter)
    expect(log.audit('ask_change_refused')).toEqual([
      expect.objectContaining({
        personId: seed.ids.member,
        coalitionId: seed.coalitionId,
        meetingId: seed.meetingId,
        reason: closed.reason,
      }),
    ])
  })

  it('cannot take another organisation off it, nor back it for one', async () => {
    const { alc, fpct, cnn } = seed.organisations
    for (const supporters of [[fpct], [alc, fpct, cnn, 'another-organisation']]) {
      const { update, writer } = await forge(seed.member, (doc) =>
        askIn(doc).setAttribute('supporters', supporters as unknown as string),
      )
      writer.send(update)
      const closed = await writer.closed
      expect(closed.code).toBe(CloseCode.InvalidPayload)
      expect(closed.reason).toMatch(/only for your own organisation/)
    }
    expect(await storedAsk()).toMatchObject({ supporters: [alc, fpct] })

    // Two values for one attribute in one update (two clients' concurrent writes, merged): a
    // harmless one beside a forged one, either of which could end up in the document.
    const harmless = await forge(seed.member, (doc) =>
      askIn(doc).setAttribute('supporters', [alc, fpct, cnn] as unknown as string),
    )
    const forged = await forge(seed.member, (doc) =>
      askIn(doc).setAttribute('supporters', [alc, fpct, cnn, 'another'] as unknown as string),
    )
    forged.writer.send(Y.mergeUpdates([harmless.update, forged.update]))
    expect(await forged.writer.closed).toEqual({
      code: CloseCode.InvalidPayload,
      reason: "an update may set each of an ask's attributes only once",
    })
    harmless.writer.close()
    expect(await storedAsk()).toMatchObject({ supporters: [alc, fpct] })
  })

  it('may back it for their own organisation and take that back; the letter waits for an endorsement', async () => {
    const { alc, fpct, cnn } = seed.organisations
    const editor = await editorOf(seed.member)
    editor.ask().setAttribute('supporters', [alc, fpct, cnn] as unknown as string)
    await editor.client.saved()
    expect(await storedAsk()).toMatchObject({ supporters: [alc, fpct, cnn] })
    await until('the ledger names CNN', async () =>
      Boolean((await askNow())?.supporters.includes(cnn)),
    )
    // Named in the minutes, but nobody from CNN endorsed: CNN does not sign.
    expect((await askNow())?.endorsedBy).toEqual([fpct])
    expect(await signatories()).not.toContain('Carers Network Northshire')

    editor.ask().setAttribute('supporters', [alc, fpct] as unknown as string)
    await editor.client.saved()
    expect(await storedAsk()).toMatchObject({ supporters: [alc, fpct] })
    expect(editor.closes).toEqual([])
  })

  it('may edit its words, and rewrite values it does not change, as the editor does', async () => {
    const { alc, fpct } = seed.organisations
    const editor = await editorOf(seed.member)
    editor.client.doc.transact(() => {
      const ask = editor.ask()
      ask.setAttribute('status', 'agreed')
      ask.setAttribute('supporters', [alc, fpct] as unknown as string)
      ask.setAttribute('target', 'HM Treasury and DHSC')
      ;(ask.get(0) as Y.XmlText).insert(0, 'Please ')
    })
    await editor.client.saved()
    expect(editor.closes).toEqual([])
    expect(await storedAsk()).toMatchObject({
      status: 'agreed',
      supporters: [alc, fpct],
      target: 'HM Treasury and DHSC',
    })
  })

  it('cannot write a new ask that claims a status or another organisation', async () => {
    const { alc, cnn } = seed.organisations
    const newAsk = (attrs: Record<string, unknown>) => (doc: Y.Doc) => {
      const ask = new Y.XmlElement('ask')
      for (const [name, value] of Object.entries(attrs)) ask.setAttribute(name, value as string)
      ask.insert(0, [new Y.XmlText('Publish the waiting list.')])
      doc.getXmlFragment(MINUTES_FIELD).insert(0, [ask])
    }
    const claims = [
      { id: 'k-new', status: 'sent', supporters: [cnn] },
      { id: 'k-new', status: 'proposed', supporters: [alc, cnn] },
      // Another ask's key with more than that ask holds.
      { id: ASK, status: 'sent', supporters: [alc] },
    ]
    for (const attrs of claims) {
      const { update, writer } = await forge(seed.member, newAsk(attrs))
      writer.send(update)
      expect((await writer.closed).code).toBe(CloseCode.InvalidPayload)
    }

    // As the editor makes one: proposed, backed by nobody or by the member's own organisation.
    const editor = await editorOf(seed.member)
    newAsk({ id: 'k-own', status: 'proposed', supporters: [cnn] })(editor.client.doc)
    await editor.client.saved()
    expect(editor.closes).toEqual([])
    expect(await storedAsk('k-own')).toMatchObject({ status: 'proposed', supporters: [cnn] })
    expect(await storedAsk()).toMatchObject({ status: 'agreed' })
  })
})

describe('a member moving an ask, or undoing its deletion', () => {
  it('keeps its claims: the same ask, written again', async () => {
    const { alc, fpct } = seed.organisations
    const editor = await editorOf(seed.member)
    const fragment = editor.client.doc.getXmlFragment(MINUTES_FIELD)
    // Moved below a new paragraph in one update, as an editor does: deleted, and written anew.
    editor.client.doc.transact(() => {
      const ask = editor.ask()
      const copy = new Y.XmlElement('ask')
      for (const [name, value] of Object.entries(ask.getAttributes())) {
        copy.setAttribute(name, value as string)
      }
      copy.insert(0, [new Y.XmlText('Fund the pay rise for care workers.')])
      fragment.delete(0, 1)
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Pay')])
      fragment.insert(0, [paragraph, copy])
    })
    await editor.client.saved()

    const undo = new Y.UndoManager(fragment)
    fragment.delete(1, 1)
    await editor.client.saved()
    undo.undo()
    await editor.client.saved()
    expect(editor.closes).toEqual([])
    expect(await storedAsk()).toMatchObject({ status: 'agreed', supporters: [alc, fpct] })
  })
})

describe('a chair or the secretariat over the websocket', () => {
  it('moves an ask along and records who the meeting heard back it', async () => {
    const { alc, fpct, cnn } = seed.organisations
    for (const person of [seed.chair, seed.secretariat]) {
      const editor = await editorOf(person)
      editor.ask().setAttribute('status', person === seed.chair ? 'sent' : 'agreed')
      editor.ask().setAttribute('supporters', [alc, fpct, cnn] as unknown as string)
      await editor.client.saved()
      expect(editor.closes).toEqual([])
    }
    expect(await storedAsk()).toMatchObject({ status: 'agreed', supporters: [alc, fpct, cnn] })
  })
})

describe('the joint letter', () => {
  it('is signed by the organisations that endorsed, not every one the minutes name', async () => {
    const { alc, fpct } = seed.organisations
    expect(await askNow()).toMatchObject({ supporters: [alc, fpct], endorsedBy: [fpct] })
    const signed = await signatories()
    expect(signed).toContain('Fair Pay for Care Trust')
    expect(signed).not.toContain('Association of Local Councils')
  })

  it('takes an endorsement from an organisation the minutes already name', async () => {
    const { alc, fpct } = seed.organisations
    const { ask } = await seed.chair.expect<{ ask: LedgerAsk }>(
      200,
      'POST',
      `${askPath()}/endorsement`,
    )
    expect(ask).toMatchObject({ supporters: [alc, fpct], endorsedBy: [alc, fpct] })
    expect(ask.endorsements.map((e) => [e.organisationId, e.kind])).toEqual([
      [fpct, 'endorse'],
      [alc, 'endorse'],
    ])
    expect(await signatories()).toContain('Association of Local Councils')

    // Withdrawn: no longer named, no longer signing.
    await seed.chair.expect(200, 'DELETE', `${askPath()}/endorsement`)
    expect(await askNow()).toMatchObject({ supporters: [fpct], endorsedBy: [fpct] })
    expect(await signatories()).not.toContain('Association of Local Councils')
  })
})
