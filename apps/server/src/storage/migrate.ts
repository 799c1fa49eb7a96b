/**
 * `npm run migrate`: brings the configured database's schema up to date and exits. Servers
 * migrate on start too; this is for running it ahead of a deploy, or on its own.
 */
import { loadConfig } from '../config.ts'
import type { MigrationRun } from './migrations.ts'
import { describeStorage } from './open-storage.ts'
import { connect } from './postgres/database.ts'
import { migrate as migratePostgres } from './postgres/migrate.ts'
import { openDatabase } from './sqlite/storage.ts'
import { migrate as migrateSqlite } from './sqlite/migrate.ts'

const config = loadConfig(process.env)

async function run(): Promise<MigrationRun> {
  if (!config.databaseUrl) {
    const db = openDatabase(config.dataDir)
    try {
      return migrateSqlite(db)
    } finally {
      db.close()
    }
  }
  const db = connect({ url: config.databaseUrl, schema: config.databaseSchema })
  try {
    return await migratePostgres(db, config.databaseSchema)
  } finally {
    await db.pool.end()
  }
}

const { from, to } = await run()
const where = describeStorage(config)
console.log(
  from === to
    ? `${where}: schema already at version ${to}, nothing to do.`
    : `${where}: migrated schema from version ${from} to ${to}.`,
)
