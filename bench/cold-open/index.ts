import path from 'node:path'
import type { Scenario } from '../scenario.ts'
import { repoRoot } from '../traces.ts'

export const scenario: Scenario<unknown> = {
  title: 'P6 cold open',
  resultsFile: path.join(repoRoot, 'bench/results/p6-cold-open.json'),
  run: () => Promise.reject(new Error('P6 cold open is not built yet')),
  section: () => [],
}
