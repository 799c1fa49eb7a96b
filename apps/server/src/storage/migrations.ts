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
  // People, coalitions and who may do what. Meetings made before accounts existed have no
  // coalition yet; the first coalition created adopts them.
  `CREATE TABLE people (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     password_hash TEXT,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX sessions_by_person ON sessions (person_id);
   CREATE TABLE coalitions (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE organisations (
     id TEXT PRIMARY KEY,
     coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     short_name TEXT NOT NULL,
     aliases TEXT NOT NULL DEFAULT '[]',
     created_at TEXT NOT NULL
   );
   CREATE UNIQUE INDEX organisations_name ON organisations (coalition_id, lower(name));
   CREATE UNIQUE INDEX organisations_short_name ON organisations (coalition_id, lower(short_name));
   CREATE TABLE memberships (
     person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
     coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
     organisation_id TEXT NOT NULL REFERENCES organisations (id),
     role TEXT NOT NULL CHECK (role IN ('chair', 'secretariat', 'member', 'observer')),
     created_at TEXT NOT NULL,
     PRIMARY KEY (person_id, coalition_id)
   );
   CREATE INDEX memberships_by_coalition ON memberships (coalition_id);
   CREATE TABLE invites (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
     organisation_id TEXT NOT NULL REFERENCES organisations (id),
     role TEXT NOT NULL CHECK (role IN ('chair', 'secretariat', 'member', 'observer')),
     max_uses INTEGER,
     uses INTEGER NOT NULL DEFAULT 0,
     expires_at TEXT NOT NULL,
     revoked_at TEXT,
     created_by TEXT NOT NULL REFERENCES people (id),
     created_at TEXT NOT NULL
   );
   CREATE INDEX invites_by_coalition ON invites (coalition_id);
   ALTER TABLE meetings ADD COLUMN coalition_id TEXT REFERENCES coalitions (id);
   CREATE INDEX meetings_by_coalition ON meetings (coalition_id, date);
   CREATE TABLE meeting_attendance (
     meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
     organisation_id TEXT NOT NULL REFERENCES organisations (id),
     PRIMARY KEY (meeting_id, organisation_id)
   );`,
  // The structure of each meeting's minutes (actions, asks, decisions), projected from its
  // document by the server; see src/projection. Rebuilt from the document at will, so a row
  // holds what extract() said, as JSON where it is a list. Position is the order in the
  // document. structure_versions counts the changes, for clients to know they are behind.
  `CREATE TABLE actions (
     meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
     key TEXT NOT NULL,
     origin TEXT NOT NULL CHECK (origin IN ('explicit', 'suggested')),
     text TEXT NOT NULL,
     owners TEXT NOT NULL,
     unknown_owners TEXT NOT NULL,
     assignee TEXT,
     due TEXT,
     due_text TEXT,
     due_unparsed INTEGER NOT NULL,
     status TEXT NOT NULL,
     source_text TEXT NOT NULL,
     source_from INTEGER NOT NULL,
     source_to INTEGER NOT NULL,
     reason TEXT NOT NULL,
     position INTEGER NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (meeting_id, key)
   );
   CREATE TABLE asks (
     meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
     key TEXT NOT NULL,
     origin TEXT NOT NULL CHECK (origin IN ('explicit', 'suggested')),
     text TEXT NOT NULL,
     target TEXT,
     supporters TEXT NOT NULL,
     unknown_supporters TEXT NOT NULL,
     status TEXT NOT NULL,
     source_text TEXT NOT NULL,
     source_from INTEGER NOT NULL,
     source_to INTEGER NOT NULL,
     reason TEXT NOT NULL,
     position INTEGER NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (meeting_id, key)
   );
   CREATE TABLE decisions (
     meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
     key TEXT NOT NULL,
     origin TEXT NOT NULL CHECK (origin IN ('explicit', 'suggested')),
     text TEXT NOT NULL,
     source_text TEXT NOT NULL,
     source_from INTEGER NOT NULL,
     source_to INTEGER NOT NULL,
     reason TEXT NOT NULL,
     position INTEGER NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (meeting_id, key)
   );
   CREATE TABLE structure_versions (
     meeting_id TEXT PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
     version INTEGER NOT NULL
   );`,
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
