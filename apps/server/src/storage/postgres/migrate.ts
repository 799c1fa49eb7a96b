import { migrations, type MigrationRun } from '../migrations.ts'
import type { Database } from './database.ts'

/** Any fixed number: the first half of the advisory lock key that guards migrations. */
const MIGRATION_LOCK = 0x4acc0d

/**
 * Creates the schema if need be and runs the migrations not yet applied, each recorded in
 * `schema_migrations`. All in one transaction holding an advisory lock on the schema's name,
 * so servers starting together take turns: the second finds the work done. PostgreSQL's DDL is
 * transactional, so a failed migration leaves the schema as it was.
 */
export function migrate(db: Database, schema: string): Promise<MigrationRun> {
  return db.transaction(async (tx) => {
    await tx.run('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, schema])
    await tx.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await tx.run(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
         version INTEGER PRIMARY KEY,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    )
    const row = await tx.row<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${schema}.schema_migrations`,
    )
    const applied = row?.version ?? 0
    if (applied > migrations.length) {
      throw new Error(
        `The database is at schema version ${applied} but this server knows ${migrations.length}: run a newer Accord.`,
      )
    }
    for (let version = applied; version < migrations.length; version++) {
      await tx.run(migrations[version]!.postgres)
      await tx.run(`INSERT INTO ${schema}.schema_migrations (version) VALUES ($1)`, [version + 1])
    }
    return { from: applied, to: migrations.length }
  })
}
