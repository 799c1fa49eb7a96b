/**
 * The schema's changes in order, each in the SQL of both engines: the same tables, columns,
 * indexes and constraints, in the types each engine has. Version n is the nth entry. Append,
 * never edit: deployed databases have run them. SQLite records the version in `user_version`,
 * PostgreSQL in a `schema_migrations` table.
 *
 * Where PostgreSQL differs: updates are BYTEA and their id an identity column; lists (aliases,
 * owners, supporters) are JSONB; due_unparsed is BOOLEAN. Timestamps stay ISO-8601 TEXT in
 * both, so they compare and round-trip identically.
 */
export interface Migration {
  sqlite: string
  postgres: string
}

/** What a migration run did: the schema version before and after. */
export interface MigrationRun {
  from: number
  to: number
}

export const migrations: readonly Migration[] = [
  {
    sqlite: `CREATE TABLE meetings (
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
    postgres: `CREATE TABLE meetings (
       id TEXT PRIMARY KEY,
       title TEXT NOT NULL,
       date TEXT NOT NULL,
       created_at TEXT NOT NULL
     );
     CREATE TABLE document_updates (
       id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       doc TEXT NOT NULL,
       data BYTEA NOT NULL
     );
     CREATE INDEX document_updates_by_doc ON document_updates (doc, id);`,
  },
  // People, coalitions and who may do what. Meetings made before accounts existed have no
  // coalition yet; the first coalition created adopts them.
  {
    sqlite: `CREATE TABLE people (
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
    postgres: `CREATE TABLE people (
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
       aliases JSONB NOT NULL DEFAULT '[]',
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
  },
  // The structure of each meeting's minutes (actions, asks, decisions), projected from its
  // document by the server; see src/projection. Rebuilt from the document at will, so a row
  // holds what extract() said, as JSON where it is a list. Position is the order in the
  // document. structure_versions counts the changes, for clients to know they are behind.
  {
    sqlite: `CREATE TABLE actions (
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
    postgres: `CREATE TABLE actions (
       meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
       key TEXT NOT NULL,
       origin TEXT NOT NULL CHECK (origin IN ('explicit', 'suggested')),
       text TEXT NOT NULL,
       owners JSONB NOT NULL,
       unknown_owners JSONB NOT NULL,
       assignee TEXT,
       due TEXT,
       due_text TEXT,
       due_unparsed BOOLEAN NOT NULL,
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
       supporters JSONB NOT NULL,
       unknown_supporters JSONB NOT NULL,
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
  },
  // Tracking across meetings: where a carried action came from; approval of the minutes, with
  // the document as approved (a Yjs update) and every reopening; who endorsed or withdrew from
  // an ask, and when (the minutes hold who backs it now); secret calendar feed links (only
  // their hash is kept, like sessions and invites).
  {
    sqlite: `ALTER TABLE actions ADD COLUMN carried_from TEXT;
     ALTER TABLE meetings ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
       CHECK (status IN ('draft', 'approved'));
     CREATE TABLE minutes_versions (
       id TEXT PRIMARY KEY,
       meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
       kind TEXT NOT NULL CHECK (kind IN ('approved', 'reopened')),
       snapshot BLOB,
       person_id TEXT NOT NULL REFERENCES people (id),
       at TEXT NOT NULL
     );
     CREATE INDEX minutes_versions_by_meeting ON minutes_versions (meeting_id, at);
     CREATE TABLE ask_endorsements (
       id INTEGER PRIMARY KEY,
       meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
       ask_key TEXT NOT NULL,
       organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
       person_id TEXT NOT NULL REFERENCES people (id),
       kind TEXT NOT NULL CHECK (kind IN ('endorse', 'withdraw')),
       at TEXT NOT NULL
     );
     CREATE INDEX ask_endorsements_by_meeting ON ask_endorsements (meeting_id, ask_key, id);
     CREATE TABLE calendar_feeds (
       id TEXT PRIMARY KEY,
       token_hash TEXT NOT NULL UNIQUE,
       coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
       organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
       created_by TEXT NOT NULL REFERENCES people (id),
       created_at TEXT NOT NULL,
       revoked_at TEXT
     );
     CREATE INDEX calendar_feeds_by_organisation ON calendar_feeds (organisation_id);`,
    postgres: `ALTER TABLE actions ADD COLUMN carried_from TEXT;
     ALTER TABLE meetings ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
       CHECK (status IN ('draft', 'approved'));
     CREATE TABLE minutes_versions (
       id TEXT PRIMARY KEY,
       meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
       kind TEXT NOT NULL CHECK (kind IN ('approved', 'reopened')),
       snapshot BYTEA,
       person_id TEXT NOT NULL REFERENCES people (id),
       at TEXT NOT NULL
     );
     CREATE INDEX minutes_versions_by_meeting ON minutes_versions (meeting_id, at);
     CREATE TABLE ask_endorsements (
       id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
       ask_key TEXT NOT NULL,
       organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
       person_id TEXT NOT NULL REFERENCES people (id),
       kind TEXT NOT NULL CHECK (kind IN ('endorse', 'withdraw')),
       at TEXT NOT NULL
     );
     CREATE INDEX ask_endorsements_by_meeting ON ask_endorsements (meeting_id, ask_key, id);
     CREATE TABLE calendar_feeds (
       id TEXT PRIMARY KEY,
       token_hash TEXT NOT NULL UNIQUE,
       coalition_id TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
       organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
       created_by TEXT NOT NULL REFERENCES people (id),
       created_at TEXT NOT NULL,
       revoked_at TEXT
     );
     CREATE INDEX calendar_feeds_by_organisation ON calendar_feeds (organisation_id);`,
  },
  // Structuring real minutes: how sure each suggestion is (strong ones are what "Accept all"
  // creates), and which owners and dates of an action node were read from its words rather
  // than set on it (proposals every surface shows as such).
  {
    sqlite: `ALTER TABLE actions ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
     ALTER TABLE actions ADD COLUMN owners_proposed INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE actions ADD COLUMN due_proposed INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE asks ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
     ALTER TABLE decisions ADD COLUMN confidence REAL NOT NULL DEFAULT 1;`,
    postgres: `ALTER TABLE actions ADD COLUMN confidence DOUBLE PRECISION NOT NULL DEFAULT 1;
     ALTER TABLE actions ADD COLUMN owners_proposed INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE actions ADD COLUMN due_proposed INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE asks ADD COLUMN confidence DOUBLE PRECISION NOT NULL DEFAULT 1;
     ALTER TABLE decisions ADD COLUMN confidence DOUBLE PRECISION NOT NULL DEFAULT 1;`,
  },
  // A ledger behind its minutes after a crash (issue 17.3): each document's revision, moved in
  // the transaction that appends to it, and the revision each meeting's structure was projected
  // from. A server starting re-projects every meeting whose document is ahead. Documents stored
  // before this start at revision 1 and no structure at 0: the first start projects them all.
  {
    sqlite: `CREATE TABLE document_revisions (
       doc TEXT PRIMARY KEY,
       revision INTEGER NOT NULL
     );
     INSERT INTO document_revisions (doc, revision) SELECT DISTINCT doc, 1 FROM document_updates;
     ALTER TABLE structure_versions ADD COLUMN document_revision INTEGER NOT NULL DEFAULT 0;`,
    postgres: `CREATE TABLE document_revisions (
       doc TEXT PRIMARY KEY,
       revision BIGINT NOT NULL
     );
     INSERT INTO document_revisions (doc, revision) SELECT DISTINCT doc, 1 FROM document_updates;
     ALTER TABLE structure_versions ADD COLUMN document_revision BIGINT NOT NULL DEFAULT 0;`,
  },
]
