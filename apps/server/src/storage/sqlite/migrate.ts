import type Database from 'better-sqlite3'
import { migrations, type MigrationRun } from '../migrations.ts'

/** Runs the migrations not yet applied; SQLite's `user_version` records how many have run. */
export function migrate(db: Database.Database): MigrationRun {
  const applied = db.pragma('user_version', { simple: true }) as number
  if (applied > migrations.length) {
    throw new Error(
      `The database is at schema version ${applied} but this server knows ${migrations.length}: run a newer Accord.`,
    )
  }
  for (let version = applied; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!.sqlite)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
  return { from: applied, to: migrations.length }
}
