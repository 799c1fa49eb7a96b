import { createHash } from 'node:crypto'
import pg from 'pg'
import { InProcessLocks, type DocumentLocks, type LockPurpose } from '../document-locks.ts'
import type { PostgresOptions } from './database.ts'

/**
 * Document locks as PostgreSQL session advisory locks, taken with `pg_try_advisory_lock` so a
 * busy lock skips the work instead of waiting. They live on one connection of their own, apart
 * from the pool: a task holding a lock uses the pool for its writes, and a pool of connections
 * each held by a lock could leave none for those. A session lock is re-entrant, so the locks
 * this process holds are also kept in process. If the connection drops, PostgreSQL releases
 * its locks; the tasks under way finish, and the next lock opens a new connection.
 */
export class PostgresDocumentLocks implements DocumentLocks {
  private readonly local = new InProcessLocks()
  private session: Promise<pg.Client> | undefined
  private closed = false

  constructor(private readonly options: PostgresOptions) {}

  withDocumentLock(
    docName: string,
    purpose: LockPurpose,
    task: () => Promise<void>,
  ): Promise<boolean> {
    let acquired = false
    return this.local
      .withDocumentLock(docName, purpose, async () => {
        const key = advisoryKey(this.options.schema, purpose, docName)
        const client = await this.connect()
        const { rows } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock($1::bigint) AS locked',
          [key],
        )
        if (!rows[0]?.locked) return
        acquired = true
        try {
          await task()
        } finally {
          await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => {
            // The connection is gone, and with it the lock.
          })
        }
      })
      .then((ran) => ran && acquired)
  }

  async close(): Promise<void> {
    this.closed = true
    const session = this.session
    this.session = undefined
    if (session) await session.then((client) => client.end()).catch(() => undefined)
  }

  private connect(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('storage is closed'))
    if (!this.session) {
      const session: Promise<pg.Client> = this.open(() => {
        if (this.session === session) this.session = undefined
      })
      this.session = session
    }
    return this.session
  }

  /** A connection that calls `gone` when it fails or ends, so the next lock opens another. */
  private async open(gone: () => void): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.options.url })
    client.on('error', (error) => {
      this.options.logger?.warn({ err: error }, 'the PostgreSQL lock connection failed')
      gone()
    })
    client.on('end', gone)
    try {
      await client.connect()
      return client
    } catch (error) {
      gone()
      throw error
    }
  }
}

/**
 * The lock's 64-bit key: the first 8 bytes of a SHA-256. The schema is part of it because
 * advisory locks are per database, and two schemas (two deployments, parallel test runs) hold
 * different documents under the same names.
 */
export function advisoryKey(schema: string, purpose: LockPurpose, docName: string): string {
  const digest = createHash('sha256').update(`accord:${schema}:${purpose}:${docName}`).digest()
  return digest.readBigInt64BE(0).toString()
}
