/**
 * Scenario P8, concurrent typists: the clownschool and friendsforever traces replayed live
 * through the server, one client per agent, at their recorded pace (sped up, see pace.ts).
 * Does every client end with the trace's endContent, and how fast does each edit reach the
 * others? See README.md beside this file.
 */
import path from 'node:path'
import { machine, versions } from '../environment.ts'
import type { BenchOptions } from '../options.ts'
import { goalLines } from '../report.ts'
import { writeResultsJson, type Scenario } from '../scenario.ts'
import { fixed } from '../stats.ts'
import { repoRoot } from '../traces.ts'
import { measureReplay, scheduledSeconds, type P8Run } from './measure.ts'
import { EDITS_PER_SECOND_WITHOUT_TIMESTAMPS, pace, SPEEDUP } from './pace.ts'
import {
  findProblems,
  goals,
  health,
  P8_TITLE,
  section,
  summarize,
  table,
  traceCredits,
  type P8Json,
  type Params,
} from './report.ts'
import { loadConcurrentTrace, traceNames } from './trace.ts'

const resultsFile = path.join(repoRoot, 'bench/results/p8-concurrent-typists.json')

export const scenario: Scenario<P8Json> = {
  title: P8_TITLE,
  resultsFile,
  run,
  section,
}

async function run(options: BenchOptions): Promise<string> {
  const date = new Date().toISOString()
  const host = machine()
  const traces = [...traceNames]
  const params: Params = {
    traces,
    servers: options.servers,
    runs: options.runs,
    speedup: SPEEDUP,
    editsPerSecondWithoutTimestamps: EDITS_PER_SECOND_WITHOUT_TIMESTAMPS,
    drainSeconds: options.drainSeconds,
    traceInfo: Object.fromEntries(
      traces.map((trace) => {
        const loaded = loadConcurrentTrace(trace)
        return [
          trace,
          { agents: loaded.numAgents, edits: loaded.txns.length, pace: pace(loaded).note },
        ]
      }),
    ),
  }
  const minutes =
    (traces.reduce((total, trace) => total + scheduledSeconds(trace) + 10, 0) *
      options.servers.length *
      options.runs) /
    60
  console.log(
    `${traces.join(' and ')} replayed live at ${SPEEDUP}× the recorded pace, one client per ` +
      `agent, ${options.runs} run(s) per server and trace (about ${minutes.toFixed(0)} minutes; ` +
      `--duration and --warmup do not apply: every replay is the whole trace); ` +
      `${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )
  const runs: P8Run[] = []
  // Run by run, every trace and server in turn, so drift on the machine touches all alike.
  for (let i = 1; i <= options.runs; i++) {
    for (const trace of traces) {
      for (const server of options.servers) {
        console.log(`[${server}] ${trace} run ${i}/${options.runs} …`)
        const result = await measureReplay(server, trace, options)
        runs.push(result)
        const { load } = result
        const correct = load.clients.filter((client) => client.equalsEndContent).length
        console.log(
          `[${server}] ${trace}: ${correct}/${load.clients.length} clients end with endContent, ` +
            `fan-out p50 ${fixed(load.fanOut.p50, 2)} / p99 ${fixed(load.fanOut.p99, 2)} ms ` +
            `over ${load.fanOut.count} deliveries, CPU ${fixed(result.cpuPercent, 1)} %, ` +
            `${fixed(load.durationSeconds, 1)} s`,
        )
      }
    }
  }

  const summary = traces.flatMap((trace) =>
    options.servers.map((server) =>
      summarize(
        trace,
        server,
        runs.filter((r) => r.trace === trace && r.server === server),
      ),
    ),
  )
  const met = goals(summary, traces)
  const problems = findProblems(runs)
  console.log(`\n${table(summary)}\n`)
  for (const line of goalLines(met)) console.log(line)
  for (const line of [...health(summary), ...problems]) console.log(line)
  const credits = traces.map((trace) => traceCredits[trace])
  for (const line of credits) console.log(line)

  const json: P8Json = {
    scenario: P8_TITLE,
    date,
    machine: host,
    versions: versions(),
    params,
    credits,
    summary,
    goals: met,
    problems,
    runs,
  }
  return writeResultsJson(resultsFile, json)
}
