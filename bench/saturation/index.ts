import path from 'node:path'
import type { Scenario } from '../scenario.ts'
import { repoRoot } from '../traces.ts'

export const scenario: Scenario<unknown> = {
  title: 'P2 saturation',
  resultsFile: path.join(repoRoot, 'bench/results/p2-saturation.json'),
  run: () => Promise.reject(new Error('P2 saturation is not built yet')),
  section: () => [],
}
