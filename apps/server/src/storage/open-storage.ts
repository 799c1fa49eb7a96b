import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import { PostgresStorage } from './postgres/storage.ts'
import { SqliteStorage } from './sqlite/storage.ts'
import type { Storage } from './storage.ts'

type StorageConfig = Pick<Config, 'dataDir' | 'databaseUrl' | 'databaseSchema'>

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file in DATA_DIR; migrated. */
export function openStorage(config: StorageConfig, logger?: Logger): Promise<Storage> {
  if (config.databaseUrl) {
    return PostgresStorage.open({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      logger,
    })
  }
  return Promise.resolve(new SqliteStorage(config.dataDir))
}

/** Which engine a config selects, and where, without the credentials a URL may carry. */
export function describeStorage(config: StorageConfig): string {
  if (!config.databaseUrl) return `SQLite in ${config.dataDir}`
  const url = new URL(config.databaseUrl)
  return `PostgreSQL at ${url.host}${url.pathname}, schema ${config.databaseSchema}`
}
