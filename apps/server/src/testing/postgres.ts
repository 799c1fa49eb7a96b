import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * The PostgreSQL that tests use: DATABASE_URL_TEST, else the local one CI and the dev machine
 * run. Each test run works in a schema of its own and drops it afterwards.
 */
// Tests only: the server reads its environment in config.ts.
export const TEST_DATABASE_URL =
  process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A schema name no other run uses; the storage creates it when it migrates. */
export function freshSchema(): string {
  return `accord_test_${randomBytes(6).toString('hex')}`
}

/** Runs one statement on the test database, outside any storage's pool. */
export async function queryTestDatabase<R extends pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    return (await client.query<R>(sql, params)).rows
  } finally {
    await client.end()
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await queryTestDatabase(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
}
