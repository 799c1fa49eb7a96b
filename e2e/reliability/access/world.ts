import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import * as Y from 'yjs'
import { MINUTES_FIELD } from '@accord/minutes'
import { loadConfig } from '../../../apps/server/src/config.ts'
import { startServer, type RunningServer } from '../../../apps/server/src/server.ts'
import {
  AccordClient,
  seedCoalition,
  type SeededCoalition,
} from '../../../apps/server/src/testing/accord-client.ts'
import type { Document, Person } from './matrix.ts'

/** One meeting of the matrix, with a line that only those allowed to read it may ever see. */
export interface MatrixDocument {
  id: string
  title: string
  secret: string
  /** The chair of its coalition: the authorised reader that checks what was stored. */
  owner: AccordClient
}

export interface World {
  server: RunningServer
  /** The folder DATA_DIR sits in: nothing may appear in it but DATA_DIR itself. */
  root: string
  dataDir: string
  seed: SeededCoalition
  people: Record<Person, AccordClient>
  documents: Record<Document, MatrixDocument>
  close(): Promise<void>
}

/**
 * A real server with coalition A (one person in each role, from seedCoalition), a signed-in
 * person with no coalition, and coalition B; a draft and an approved meeting of A and a
 * meeting of B, each holding its own secret line.
 */
export async function buildWorld(): Promise<World> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-access-'))
  const dataDir = path.join(root, 'data')
  const server = await startServer(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      RATE_SIGN_UP_PER_ADDRESS: '10000',
      RATE_CONNECTIONS_PER_ADDRESS: '10000',
    }),
    pino({ level: 'silent' }),
  )
  const seed = await seedCoalition(server.url)
  const outsider = new AccordClient(server.url)
  await outsider.signUp('Nobody')
  const signedOut = new AccordClient(server.url)

  const draft = await meetingWithSecret(seed.chair, seed.coalitionId, 'Draft call', 'draft')
  const approved = await meetingWithSecret(
    seed.chair,
    seed.coalitionId,
    'Approved call',
    'approved',
  )
  await seed.chair.expect(200, 'POST', `/api/meetings/${approved.id}/approve`)
  const { memberships } = await seed.outsider.expect(200, 'GET', '/api/me')
  const other = await meetingWithSecret(seed.outsider, memberships[0].coalition.id, 'B call', 'B')

  return {
    server,
    root,
    dataDir,
    seed,
    people: {
      chair: seed.chair,
      secretariat: seed.secretariat,
      member: seed.member,
      observer: seed.observer,
      outsider,
      'other coalition': seed.outsider,
      'signed out': signedOut,
    },
    documents: { draft, approved, "B's": other },
    async close() {
      await server.close()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

async function meetingWithSecret(
  owner: AccordClient,
  coalitionId: string,
  title: string,
  tag: string,
): Promise<MatrixDocument> {
  const { meeting } = await owner.expect(201, 'POST', `/api/coalitions/${coalitionId}/meetings`, {
    title,
    date: '2025-06-10',
  })
  const secret = `Secret of the ${tag} minutes: ${Math.random().toString(36).slice(2)}`
  const editor = owner.sync(meeting.id)
  try {
    await editor.synced()
    addParagraph(editor.doc, secret)
    await editor.saved()
  } finally {
    editor.destroy()
  }
  return { id: meeting.id, title, secret, owner }
}

export function addParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const fragment = doc.getXmlFragment(MINUTES_FIELD)
  fragment.insert(fragment.length, [paragraph])
}

/** An update adding one paragraph, made without the server's state, as any client could. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  addParagraph(doc, text)
  return Y.encodeStateAsUpdate(doc)
}

/** Every file and folder under `dir`, as relative paths: to see that nothing new appeared. */
export function listTree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).sort()
}
