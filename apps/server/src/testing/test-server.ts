import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import pino, { type Logger } from 'pino'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'

/** A real server on port 0 over SQLite in a temporary folder, its file readable beside it. */
export interface TestServer {
  server: RunningServer
  url: string
  dataDir: string
  /** Opens the server's SQLite file beside it; read-only unless asked. */
  database(options?: { write: boolean }): Database.Database
  /** Closes the server and removes its folder. */
  close(): Promise<void>
}

/** Starts one with these environment settings; `logger` to read what it logs (captureLog). */
export async function startTestServer(
  env: Record<string, string> = {},
  logger: Logger = pino({ level: 'silent' }),
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-'))
  const server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env }), logger)
  const file = path.join(dataDir, 'accord.sqlite')
  return {
    server,
    url: server.url,
    dataDir,
    database: (options) => {
      const db = new Database(file, { readonly: !options?.write, fileMustExist: true })
      db.pragma('busy_timeout = 5000')
      return db
    },
    close: async () => {
      await server.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Runs `test` against a server of its own, closed afterwards whatever happens. */
export async function withServer(
  env: Record<string, string>,
  test: (s: TestServer) => Promise<void>,
  logger?: Logger,
) {
  const s = await startTestServer(env, logger)
  try {
    await test(s)
  } finally {
    await s.close()
  }
}
