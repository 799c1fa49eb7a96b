import path from 'node:path'
import type { Scenario } from '../scenario.ts'
import { repoRoot } from '../traces.ts'

export const scenario: Scenario<unknown> = {
  title: 'P8 concurrent typists',
  resultsFile: path.join(repoRoot, 'bench/results/p8-concurrent-typists.json'),
  run: () => Promise.reject(new Error('P8 concurrent typists is not built yet')),
  section: () => [],
}
