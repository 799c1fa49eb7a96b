import path from 'node:path'
import Database from 'better-sqlite3'
import { tableHashes } from '@accord/server/testing'

/**
 * Every table of the server's SQLite database, each as its row count and a hash of its rows:
 * a refused request must leave all of them as they were. Read through a connection of its own,
 * as an operator would.
 */
export function databaseState(dataDir: string): Record<string, string> {
  const db = new Database(path.join(dataDir, 'accord.sqlite'), {
    readonly: true,
    fileMustExist: true,
  })
  try {
    return tableHashes(db)
  } finally {
    db.close()
  }
}

/** Waits until the database stops changing (projections of earlier edits settle), then reads it. */
export async function settledDatabaseState(dataDir: string): Promise<Record<string, string>> {
  let last = JSON.stringify(databaseState(dataDir))
  let stableSince = Date.now()
  const deadline = Date.now() + 8000
  while (Date.now() - stableSince < 1500) {
    if (Date.now() > deadline) throw new Error('the database kept changing for 8 s')
    await new Promise((resolve) => setTimeout(resolve, 250))
    const now = JSON.stringify(databaseState(dataDir))
    if (now !== last) {
      last = now
      stableSince = Date.now()
    }
  }
  return JSON.parse(last) as Record<string, string>
}
