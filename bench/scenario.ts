import type { BenchOptions } from './options.ts'

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
