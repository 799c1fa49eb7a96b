import path from 'node:path'
import type { JSONContent } from '@tiptap/core'
import Database from 'better-sqlite3'
import { readMinutes } from '@accord/minutes'
import type { StructureAction } from '@accord/minutes/structure'
import * as Y from 'yjs'

type ActionStatus = StructureAction['status']

/**
 * The status of every action in a meeting's minutes as the server stored them, by action key:
 * what the ledger must agree with. Read from the server's SQLite file through a connection of
 * its own, never through the server, whose answer would open the meeting, and opening it
 * projects the minutes: it would hide a ledger that is behind them.
 */
export function storedActions(dataDir: string, meetingId: string): Map<string, ActionStatus> {
  const db = new Database(path.join(dataDir, 'accord.sqlite'), {
    readonly: true,
    fileMustExist: true,
  })
  const doc = new Y.Doc()
  try {
    const rows = db
      .prepare<[string], { data: Buffer }>('SELECT data FROM document_updates WHERE doc = ?')
      .all(meetingId)
    Y.transact(doc, () => {
      for (const { data } of rows) Y.applyUpdate(doc, new Uint8Array(data))
    })
    const statuses = new Map<string, ActionStatus>()
    collectActions(readMinutes(doc).json, statuses)
    return statuses
  } finally {
    doc.destroy()
    db.close()
  }
}

function collectActions(node: JSONContent, into: Map<string, ActionStatus>): void {
  if (node.type === 'actionItem' && typeof node.attrs?.id === 'string') {
    into.set(node.attrs.id, (node.attrs.status as ActionStatus | undefined) ?? 'open')
  }
  for (const child of node.content ?? []) collectActions(child, into)
}
