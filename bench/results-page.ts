/**
 * bench/RESULTS.md, written from the JSON files in bench/results: a section per scenario whose
 * file is there. A run of one scenario rewrites its own file and leaves the other's section as
 * its file says.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as prettier from 'prettier'
import type { ScenarioName } from './options.ts'
import { p1ResultsFile, p1Section, p5Section, type P1Json } from './report.ts'
import { s1ResultsFile, s1Section, type S1Json } from './structure/report.ts'
import { p7ResultsFile, p7Section, type P7Json } from './scale-out/report.ts'
import { folderScenarios } from './scenarios.ts'
import { repoRoot } from './traces.ts'

const resultsPage = path.join(repoRoot, 'bench/RESULTS.md')

function readJson<T>(file: string): T | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined
}

function folderSection(name: ScenarioName): string[] {
  const scenario = folderScenarios[name]!
  const json = readJson<never>(scenario.resultsFile)
  return json === undefined ? [] : scenario.section(json)
}

export async function writeResultsPage(): Promise<string> {
  const p1 = readJson<P1Json>(p1ResultsFile)
  const s1 = readJson<S1Json>(s1ResultsFile)
  const p7 = readJson<P7Json>(p7ResultsFile)
  const page = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` from the files in [results/](results); see ' +
      '[README.md](README.md) for what is measured. Each scenario shows its latest run.',
    '',
    ...(p1 ? p1Section(p1) : []),
    ...(p1 ? p5Section(p1) : []),
    ...folderSection('saturation'),
    ...folderSection('join-storm'),
    ...folderSection('awareness'),
    ...folderSection('cold-open'),
    ...(p7 ? p7Section(p7) : []),
    ...folderSection('concurrent'),
    ...(s1 ? s1Section(s1) : []),
    ...folderSection('live-pass'),
  ].join('\n')
  const config = (await prettier.resolveConfig(resultsPage)) ?? {}
  fs.writeFileSync(resultsPage, await prettier.format(page, { ...config, filepath: resultsPage }))
  return resultsPage
}
