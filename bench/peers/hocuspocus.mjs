// Hocuspocus as its documentation starts it, documents in memory, on HOST and PORT. It stops
// on SIGTERM itself (stopOnSignals), so `--profile` (node --cpu-prof) can write its profile.
//
// With HOCUSPOCUS_SQLITE=<file> (servers.ts `persist`) it keeps documents in that SQLite file
// the way @hocuspocus/extension-sqlite does: its Database extension, the same table and
// queries, the whole document stored as one blob after each (debounced) change and on the last
// disconnect, read back when a document is opened. extension-sqlite needs the native sqlite3
// module; this uses better-sqlite3, which the repository already builds, to the same effect.
import { Database } from '@hocuspocus/extension-database'
import { Server } from '@hocuspocus/server'

const sqliteFile = process.env.HOCUSPOCUS_SQLITE

const server = new Server({
  address: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 1234),
  quiet: true,
  extensions: sqliteFile ? [await sqlite(sqliteFile)] : [],
})
await server.listen()
console.log(`running at ${server.httpURL}`)

/** extension-sqlite's schema and queries (src/SQLite.ts), over better-sqlite3. */
async function sqlite(file) {
  const { default: BetterSqlite3 } = await import('better-sqlite3')
  const db = new BetterSqlite3(file)
  db.exec(`CREATE TABLE IF NOT EXISTS "documents" (
    "name" varchar(255) NOT NULL,
    "data" blob NOT NULL,
    UNIQUE(name)
  )`)
  const select = db.prepare('SELECT data FROM "documents" WHERE name = $name ORDER BY rowid DESC')
  const upsert = db.prepare(
    'INSERT INTO "documents" ("name", "data") VALUES ($name, $data) ' +
      'ON CONFLICT(name) DO UPDATE SET data = $data',
  )
  console.log(`persisting documents to ${file}`)
  return new Database({
    fetch: async ({ documentName }) => select.get({ name: documentName })?.data ?? null,
    store: async ({ documentName, state }) => {
      upsert.run({ name: documentName, data: state })
    },
  })
}
