import os from 'node:os'
import { z } from 'zod'
import { DEFAULT_COMPACT_AFTER, DEFAULT_MAX_MESSAGE_BYTES } from '@accord/sync'
import type { CapSettings } from './coalitions/caps.ts'
import type { RateLimitSettings } from './http/rate-limits.ts'

const port = z.coerce.number().int().min(0).max(65535)
const positive = z.coerce.number().int().positive()
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/**
 * A whole number from `min` to `max`. One message for every way to get it wrong ("two", 1.5, 0,
 * too many), saying what to write instead, where zod's own would say "received NaN".
 */
function wholeNumber(min: number, max: number, unit: string) {
  const message = `give a whole number of ${unit} from ${min} to ${max}, or leave it unset for the default`
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message)
}

/** A comma-separated list of origins such as `https://minutes.example.org`. */
const origins = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .url({ protocol: /^https?$/, message: 'each entry must be an http(s) origin' })
          .refine(
            (entry) => new URL(entry).origin === entry,
            'each entry must be an origin alone: scheme, host and port, no path or trailing slash',
          ),
      )
      .min(1),
  )

/** Every setting the server reads from the environment, with its default. */
export const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a plain lower-case identifier')
    .default('public'),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' })
    .optional(),
  REDIS_PREFIX: z.string().min(1).default('accord:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_MESSAGE_BYTES: positive.default(DEFAULT_MAX_MESSAGE_BYTES),
  MAX_REQUEST_BYTES: positive.default(64 * 1024),
  MAX_IMPORT_BYTES: positive.default(5 * 1024 * 1024),
  // Imports running at once on the whole server (one per person besides): each holds its
  // upload, a .docx its own converting process (up to about 300 MB), and the worker pool.
  MAX_IMPORTS_AT_ONCE: wholeNumber(1, 64, 'imports').default(3),
  MAX_BUFFERED_BYTES: positive.default(16 * 1024 * 1024),
  // Edits one person may send per minute, in bursts of up to a minute's worth; beyond it their
  // sockets are read more slowly (sync/edit-budget.ts). 8 MiB is several of the longest minutes
  // anyone writes (100,000 words are about 1.2 MB as Yjs updates) pasted at once, and waiting
  // out the largest frame (MAX_MESSAGE_BYTES, 2 MiB) takes 15 s, under the 30 s after which
  // y-websocket gives up on a silent server and reconnects.
  EDIT_BYTES_PER_MINUTE: wholeNumber(1024, 2 ** 40, 'bytes').default(8 * 1024 * 1024),
  COMPACT_AFTER_UPDATES: positive.default(DEFAULT_COMPACT_AFTER),
  // A burst of typing is committed (one fsync) and fanned out (one write per reader) at most
  // every 10 ms instead of once per keystroke; a lone keystroke still goes at once. See
  // bench/RESULTS.md, P1: the CPU this saves, and fan-out p99 staying under 15 ms.
  COMMIT_INTERVAL_MS: z.coerce.number().min(0).max(1000).default(10),
  // Cursors and presence of everyone in a room go out together at most every 50 ms, encoded
  // once: a room of 100 people moving their cursors costs 20 broadcasts a second, not 200.
  AWARENESS_INTERVAL_MS: z.coerce.number().min(0).max(1000).default(50),
  WEB_DIST: z.string().min(1).optional(),
  PUBLIC_ORIGIN: origins.optional(),
  TRUST_PROXY: flag.default(false),
  SESSION_DAYS: positive.max(365).default(30),
  SESSION_CHECK_SECONDS: positive.max(60).default(30),
  RATE_SIGN_IN_PER_ADDRESS: positive.default(100),
  // Failed sign-ins for one account: from one address, then that address waits (the owner's
  // typos fit well under it); from everywhere, then each address gets one try at the account.
  // See accounts/sign-in-limits.ts: neither ever refuses the right password from elsewhere.
  RATE_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: positive.default(10),
  RATE_SIGN_IN_FAILURES_PER_ACCOUNT: positive.default(20),
  RATE_SIGN_UP_PER_ADDRESS: positive.default(30),
  RATE_INVITES_PER_ADDRESS: positive.default(60),
  RATE_CONNECTIONS_PER_ADDRESS: positive.default(300),
  // What one person can make (coalitions/caps.ts): generous for real use (a coalition meeting
  // weekly for 19 years holds 1,000 meetings), tight enough that a script cannot fill storage.
  MAX_COALITIONS_PER_PERSON: wholeNumber(1, 10_000, 'coalitions').default(20),
  DEMOS_PER_PERSON_PER_DAY: wholeNumber(1, 1000, 'demos').default(5),
  MEETINGS_PER_PERSON_PER_DAY: wholeNumber(1, 100_000, 'meetings').default(100),
  MAX_MEETINGS_PER_COALITION: wholeNumber(1, 1_000_000, 'meetings').default(1000),
  // A connection that has not sent its request headers by then (one that sends nothing, or a
  // slowloris dribbling headers) is closed, as is a keep-alive connection idle that long: each
  // holds a socket and memory. Node's own default waits 60 s and checks only every 30 s.
  HANDSHAKE_TIMEOUT_MS: positive.min(1000).max(60_000).default(5000),
  // Websockets open at once from one address (with TRUST_PROXY, the X-Forwarded-For one): an
  // office behind one NAT has a tab or two per person open; thousands from one address is a flood.
  MAX_CONNECTIONS_PER_ADDRESS: positive.default(200),
  METRICS: flag.default(true),
  // Extraction runs on worker threads so a long document never holds the event loop: one
  // fewer than the cores, at least one and by default no more than two (a worker idles at
  // about 60 MB; projections are debounced, so two keep up with many busy meetings).
  EXTRACT_WORKERS: wholeNumber(1, 64, 'worker threads').default(
    Math.min(2, Math.max(1, os.availableParallelism() - 1)),
  ),
  // 100,000 words take about a second: an extraction still running after this is a runaway,
  // and its worker is ended and replaced. Capped well below what a timer can hold (about 24
  // days; beyond it Node fires the timer at once, which would end every extraction).
  EXTRACT_TIMEOUT_MS: wholeNumber(100, 600_000, 'milliseconds').default(10_000),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  /** A PostgreSQL database to keep everything in; unset keeps it in SQLite under dataDir. */
  databaseUrl: string | undefined
  /** The PostgreSQL schema Accord's tables live in. */
  databaseSchema: string
  /** Redis for fan-out between instances that share the database; unset runs one instance. */
  redisUrl: string | undefined
  /** Prefix of every Redis channel, so deployments (and test runs) can share one Redis. */
  redisPrefix: string
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL']
  maxMessageBytes: number
  maxRequestBytes: number
  /** The body limit of a minutes import (an uploaded file); every other request has maxRequestBytes. */
  maxImportBytes: number
  /** Imports running at once on the server; past it one more is refused with 503. */
  maxImportsAtOnce: number
  /** Unsent bytes a socket may hold before its reader counts as stuck and is dropped. */
  maxBufferedBytes: number
  /** Bytes of edits (content frames) one person may send per minute. */
  editBytesPerMinute: number
  compactAfterUpdates: number
  commitIntervalMs: number
  /** Shortest time between two awareness broadcasts of a room. */
  awarenessIntervalMs: number
  /** Folder of the built web client; unset serves the API and websocket only. */
  webDist: string | undefined
  /** Origins browsers may use the API and websocket from; unset allows same-origin only. */
  publicOrigins: string[] | undefined
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean
  sessionLifetimeMs: number
  /** How often open connections are checked for ended sessions and changed memberships. */
  sessionCheckMs: number
  rateLimits: RateLimitSettings
  /** What one person can make: coalitions chaired, demos and meetings a day, meetings a coalition holds. */
  caps: CapSettings
  /** Time a connection gets to send its request headers, and a keep-alive connection to idle. */
  handshakeTimeoutMs: number
  /** Websockets one client address may hold open at once; one more is refused with 429. */
  maxConnectionsPerAddress: number
  /** Serve Prometheus metrics at /metrics (no sign-in: keep it off the public internet). */
  metrics: boolean
  /** Worker threads that read and extract minutes for the projection. */
  extractWorkers: number
  /** Longest one extraction may run before its worker is ended and replaced. */
  extractTimeoutMs: number
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
    databaseUrl: c.DATABASE_URL,
    databaseSchema: c.DATABASE_SCHEMA,
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    logLevel: c.LOG_LEVEL,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    maxRequestBytes: c.MAX_REQUEST_BYTES,
    maxImportBytes: c.MAX_IMPORT_BYTES,
    maxImportsAtOnce: c.MAX_IMPORTS_AT_ONCE,
    maxBufferedBytes: c.MAX_BUFFERED_BYTES,
    editBytesPerMinute: c.EDIT_BYTES_PER_MINUTE,
    compactAfterUpdates: c.COMPACT_AFTER_UPDATES,
    commitIntervalMs: c.COMMIT_INTERVAL_MS,
    awarenessIntervalMs: c.AWARENESS_INTERVAL_MS,
    webDist: c.WEB_DIST,
    publicOrigins: c.PUBLIC_ORIGIN,
    trustProxy: c.TRUST_PROXY,
    sessionLifetimeMs: c.SESSION_DAYS * 24 * 60 * 60 * 1000,
    sessionCheckMs: c.SESSION_CHECK_SECONDS * 1000,
    rateLimits: {
      signInPerAddress: c.RATE_SIGN_IN_PER_ADDRESS,
      signInFailuresPerAccountAddress: c.RATE_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS,
      signInFailuresPerAccount: c.RATE_SIGN_IN_FAILURES_PER_ACCOUNT,
      signUpPerAddress: c.RATE_SIGN_UP_PER_ADDRESS,
      invitesPerAddress: c.RATE_INVITES_PER_ADDRESS,
      connectionsPerAddress: c.RATE_CONNECTIONS_PER_ADDRESS,
    },
    caps: {
      coalitionsPerPerson: c.MAX_COALITIONS_PER_PERSON,
      demosPerPersonPerDay: c.DEMOS_PER_PERSON_PER_DAY,
      meetingsPerPersonPerDay: c.MEETINGS_PER_PERSON_PER_DAY,
      meetingsPerCoalition: c.MAX_MEETINGS_PER_COALITION,
    },
    handshakeTimeoutMs: c.HANDSHAKE_TIMEOUT_MS,
    maxConnectionsPerAddress: c.MAX_CONNECTIONS_PER_ADDRESS,
    metrics: c.METRICS,
    extractWorkers: c.EXTRACT_WORKERS,
    extractTimeoutMs: c.EXTRACT_TIMEOUT_MS,
  }
}
