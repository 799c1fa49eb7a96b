import { z } from 'zod'
import {
  DEFAULT_COMMIT_INTERVAL_MS,
  DEFAULT_COMPACT_AFTER,
  DEFAULT_MAX_MESSAGE_BYTES,
} from '@accord/sync'

const port = z.coerce.number().int().min(0).max(65535)
const positive = z.coerce.number().int().positive()

/** Every setting the server reads from the environment, with its default. */
export const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_MESSAGE_BYTES: positive.default(DEFAULT_MAX_MESSAGE_BYTES),
  MAX_REQUEST_BYTES: positive.default(64 * 1024),
  MAX_BUFFERED_BYTES: positive.default(16 * 1024 * 1024),
  COMPACT_AFTER_UPDATES: positive.default(DEFAULT_COMPACT_AFTER),
  COMMIT_INTERVAL_MS: z.coerce.number().min(0).max(1000).default(DEFAULT_COMMIT_INTERVAL_MS),
  WEB_DIST: z.string().min(1).optional(),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL']
  maxMessageBytes: number
  maxRequestBytes: number
  /** Unsent bytes a socket may hold before its reader counts as stuck and is dropped. */
  maxBufferedBytes: number
  compactAfterUpdates: number
  commitIntervalMs: number
  /** Folder of the built web client; unset serves the API and websocket only. */
  webDist: string | undefined
}

/** Reads and validates the environment once, at start. Throws a message naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(
      `Invalid configuration – fix these environment variables:\n${problems.join('\n')}`,
    )
  }
  const c = parsed.data
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR,
    logLevel: c.LOG_LEVEL,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    maxRequestBytes: c.MAX_REQUEST_BYTES,
    maxBufferedBytes: c.MAX_BUFFERED_BYTES,
    compactAfterUpdates: c.COMPACT_AFTER_UPDATES,
    commitIntervalMs: c.COMMIT_INTERVAL_MS,
    webDist: c.WEB_DIST,
  }
}
