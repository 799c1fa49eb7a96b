import type Database from 'better-sqlite3'

/** Schema changes in order; `user_version` records how many have run. Append, never edit. */
const migrations: string[] = [
  `CREATE TABLE meetings (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     date TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE document_updates (
     id INTEGER PRIMARY KEY,
     doc TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX document_updates_by_doc ON document_updates (doc, id);`,
]

export function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number
  if (applied > migrations.length) {
    throw new Error(
      `The database is at schema version ${applied} but this server knows ${migrations.length}: run a newer Accord.`,
    )
  }
  for (let version = applied; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
