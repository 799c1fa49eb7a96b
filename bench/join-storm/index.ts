import path from 'node:path'
import type { Scenario } from '../scenario.ts'
import { repoRoot } from '../traces.ts'

export const scenario: Scenario<unknown> = {
  title: 'P3 join storm',
  resultsFile: path.join(repoRoot, 'bench/results/p3-join-storm.json'),
  run: () => Promise.reject(new Error('P3 join storm is not built yet')),
  section: () => [],
}
