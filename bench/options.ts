/** Command-line flags of `npm run bench`, each with a BENCH_* environment fallback. */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { serverNames, type ServerName } from './servers.ts'
import { automergePaperPath } from './traces.ts'

/**
 * The scenarios, in the order a full run takes them (README.md says what each measures):
 *   typing      P1 typing fan-out, and P5 the durable acknowledgement under it
 *   saturation  P2 the writer as fast as the slowest reader allows
 *   join-storm  P3 20 clients join a 3 MB document at once
 *   awareness   P4 100 clients moving their cursors twice a second
 *   cold-open   P6 opening a stored document nobody has open; memory per loaded copy
 *   scale-out   P7 P1's load on two Accord instances over PostgreSQL and Redis against one
 *   concurrent  P8 two people typing at once, replayed at their recorded pace
 *   structure   S1 the projection of minutes into actions and asks, in process
 *   live-pass   W1 the browser's live pass over 3,000 words of minutes; the model's chunk
 */
export const scenarioNames = [
  'typing',
  'saturation',
  'join-storm',
  'awareness',
  'cold-open',
  'scale-out',
  'concurrent',
  'structure',
  'live-pass',
] as const
export type ScenarioName = (typeof scenarioNames)[number]

export interface BenchOptions {
  scenarios: ScenarioName[]
  durationSeconds: number
  warmupSeconds: number
  drainSeconds: number
  rate: number
  clients: number
  runs: number
  servers: ServerName[]
  tracePath: string
  /** P7: the PostgreSQL database and Redis the instances share. */
  databaseUrl: string
  redisUrl: string
  /** Where each server writes a V8 CPU profile (node --cpu-prof) when it stops; off if unset. */
  profileDir?: string
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test'
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379'

const numeric = {
  duration: { env: 'BENCH_DURATION', default: 30, help: 'measured seconds per server run' },
  warmup: { env: 'BENCH_WARMUP', default: 2, help: 'seconds of typing before measuring' },
  drain: { env: 'BENCH_DRAIN', default: 10, help: 'max seconds to wait for late deliveries' },
  rate: { env: 'BENCH_RATE', default: 500, help: 'writer updates per second' },
  clients: { env: 'BENCH_CLIENTS', default: 50, help: 'clients in the room, writer included' },
  runs: { env: 'BENCH_RUNS', default: 3, help: 'runs per server; medians are reported' },
} as const

export const usage = [
  'npm run bench -- [flags]',
  ...Object.entries(numeric).map(
    ([flag, o]) => `  --${flag} <n>  ${o.help} (default ${o.default}, env ${o.env})`,
  ),
  `  --scenarios <a,b>  which scenarios (default ${scenarioNames.join(',')}, env BENCH_SCENARIOS)`,
  `  --servers <a,b>  which servers (default ${serverNames.join(',')}, env BENCH_SERVERS)`,
  '  --trace <file>  editing trace (default ../shared/data/editing-traces/automerge-paper.json.gz)',
  `  --database-url <url>  PostgreSQL for P7 (default ${DEFAULT_DATABASE_URL}, env BENCH_DATABASE_URL)`,
  `  --redis-url <url>  Redis for P7 (default ${DEFAULT_REDIS_URL}, env BENCH_REDIS_URL)`,
  '  --profile <dir>  each server writes a CPU profile (node --cpu-prof) into <dir> when it stops',
].join('\n')

export function parseOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(Object.keys(numeric).map((flag) => [flag, { type: 'string' }])),
      scenarios: { type: 'string' },
      servers: { type: 'string' },
      trace: { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }) as { values: Record<string, string | boolean | undefined> }
  if (values.help) return 'help'

  const number = (flag: keyof typeof numeric, min: number): number => {
    const raw = values[flag] ?? env[numeric[flag].env]
    const value = raw === undefined ? numeric[flag].default : Number(raw)
    if (!Number.isFinite(value) || value < min) {
      throw new Error(`--${flag} must be a number ≥ ${min}, not ${String(raw)}`)
    }
    return value
  }
  const servers = String(values.servers ?? env.BENCH_SERVERS ?? serverNames.join(','))
    .split(',')
    .map((name) => name.trim())
  for (const name of servers) {
    if (!(serverNames as readonly string[]).includes(name)) {
      throw new Error(`unknown server "${name}"; choose from ${serverNames.join(', ')}`)
    }
  }
  const scenarios = String(values.scenarios ?? env.BENCH_SCENARIOS ?? scenarioNames.join(','))
    .split(',')
    .map((name) => name.trim())
  for (const name of scenarios) {
    if (!(scenarioNames as readonly string[]).includes(name)) {
      throw new Error(`unknown scenario "${name}"; choose from ${scenarioNames.join(', ')}`)
    }
  }
  return {
    scenarios: scenarios as ScenarioName[],
    durationSeconds: number('duration', 1),
    warmupSeconds: number('warmup', 0),
    drainSeconds: number('drain', 1),
    rate: number('rate', 1),
    clients: Math.floor(number('clients', 2)),
    runs: Math.floor(number('runs', 1)),
    servers: servers as ServerName[],
    tracePath: typeof values.trace === 'string' ? values.trace : automergePaperPath,
    databaseUrl: String(values['database-url'] ?? env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL),
    redisUrl: String(values['redis-url'] ?? env.BENCH_REDIS_URL ?? DEFAULT_REDIS_URL),
    ...(typeof values.profile === 'string' ? { profileDir: path.resolve(values.profile) } : {}),
  }
}
