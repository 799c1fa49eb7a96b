import fs from 'node:fs'
import path from 'node:path'
import type { BenchOptions } from './options.ts'
import type { ServerName } from './servers.ts'

/**
 * A scenario of `npm run bench` kept in its own folder (bench/<name>/index.ts exports one):
 * it measures, prints its table and goals, writes its JSON file in bench/results/, and turns
 * that file back into its section of RESULTS.md, so a run of one scenario keeps the others'.
 */
export interface Scenario<Json> {
  /** Its heading in RESULTS.md, such as "P2 saturation". */
  title: string
  /** Its JSON file, in bench/results/. */
  resultsFile: string
  /** Measures every server the options name; writes and returns `resultsFile`. */
  run(options: BenchOptions): Promise<string>
  /** Its section of RESULTS.md, from the JSON file's contents. */
  section(json: Json): string[]
}

/**
 * Measures every server `options.runs` times, the servers alternating run by run so drift on
 * the machine touches all alike; prints a line per run, `describe`d once it is done.
 */
export async function runEachServer<R>(
  options: Pick<BenchOptions, 'runs' | 'servers'>,
  measure: (server: ServerName) => Promise<R>,
  describe: (result: R) => string,
): Promise<Partial<Record<ServerName, R[]>>> {
  const runs: Partial<Record<ServerName, R[]>> = {}
  for (let i = 1; i <= options.runs; i++) {
    for (const server of options.servers) {
      console.log(`[${server}] run ${i}/${options.runs} …`)
      const result = await measure(server)
      ;(runs[server] ??= []).push(result)
      console.log(`[${server}] ${describe(result)}`)
    }
  }
  return runs
}

/** Writes a scenario's JSON file (every number of its runs); returns its path. */
export function writeResultsJson(file: string, json: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`)
  return file
}
