import { createHash } from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'

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
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[]
    const state: Record<string, string> = {}
    for (const table of tables) {
      const hash = createHash('sha256')
      let rows = 0
      for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) {
        rows++
        for (const value of row as unknown[]) {
          hash.update(value instanceof Buffer ? value : `${typeof value}:${String(value)}`)
          hash.update('\u0000')
        }
      }
      state[table] = `${rows} rows ${hash.digest('hex').slice(0, 16)}`
    }
    return state
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
