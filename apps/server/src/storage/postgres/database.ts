import pg from 'pg'
import type { Logger } from 'pino'
import { UniqueViolation } from '../errors.ts'

/** Connections per server: rooms commit in batches, so a few carry the whole write load. */
const POOL_MAX = 10

export interface PostgresOptions {
  url: string
  /** A plain lower-case identifier (the config checks it); every connection works in it. */
  schema: string
  logger?: Logger
}

/** The unique indexes a route tells apart, by the name PostgreSQL gives them in the schema. */
const uniqueNames: Record<string, string> = {
  people_email_key: 'email',
  organisations_name: 'name',
  organisations_short_name: 'shortName',
  memberships_pkey: 'membership',
}

export type Param =
  string | number | boolean | null | Buffer | readonly string[] | readonly Buffer[]

/** Runs statements on the pool or inside one transaction; both look the same to a store. */
export class Queries {
  constructor(private readonly target: pg.Pool | pg.PoolClient) {}

  async rows<R extends pg.QueryResultRow>(sql: string, params: readonly Param[] = []) {
    return (await this.query<R>(sql, params)).rows
  }

  async row<R extends pg.QueryResultRow>(sql: string, params: readonly Param[] = []) {
    return (await this.query<R>(sql, params)).rows[0]
  }

  /** Runs a write; returns how many rows it touched. */
  async run(sql: string, params: readonly Param[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0
  }

  /** Rows as arrays of values, in the order the statement names the columns. */
  async arrays(sql: string, params: readonly Param[] = []): Promise<unknown[][]> {
    try {
      const result = await this.target.query<unknown[]>({
        text: sql,
        values: [...params],
        rowMode: 'array',
      })
      return result.rows
    } catch (error) {
      throw translate(error)
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: readonly Param[]) {
    try {
      return await this.target.query<R>(sql, [...params])
    } catch (error) {
      throw translate(error)
    }
  }
}

/** Turns a unique violation the routes tell apart into the engine-neutral UniqueViolation. */
function translate(error: unknown): unknown {
  if (error instanceof pg.DatabaseError && error.code === '23505') {
    const name = uniqueNames[error.constraint ?? '']
    if (name) return new UniqueViolation(name)
  }
  return error
}

/** The pool and the one way to run a transaction on it. */
export class Database extends Queries {
  constructor(readonly pool: pg.Pool) {
    super(pool)
  }

  /**
   * Runs `work` between BEGIN and COMMIT on one connection and resolves after COMMIT; rolls
   * back when it throws. A connection that fails to roll back is discarded, not reused.
   */
  async transaction<T>(work: (tx: Queries) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect()
    let broken: Error | undefined
    try {
      await client.query(begin)
      const result = await work(new Queries(client))
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError
      })
      throw error
    } finally {
      client.release(broken)
    }
  }
}

/** A pool whose every connection works in `schema`. Connects lazily, on the first query. */
export function connect({ url, schema, logger }: PostgresOptions): Database {
  // The name goes into SQL unquoted (migrate.ts), so only a plain identifier will do.
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Not a plain schema name: ${schema}`)
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_MAX,
    // Sent as each connection starts, so no statement runs before the path is set.
    options: `-c search_path=${schema}`,
  })
  // An idle connection the server dropped: the pool discards it and opens another when needed.
  pool.on('error', (error) => logger?.warn({ err: error }, 'a PostgreSQL connection failed'))
  return new Database(pool)
}
