import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'

/**
 * Every table of a SQLite database, each as its row count and a hash of its rows: a refused
 * request must leave all of them as they were.
 */
export function tableHashes(db: Database): Record<string, string> {
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
}
