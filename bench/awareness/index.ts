import path from 'node:path'
import type { Scenario } from '../scenario.ts'
import { repoRoot } from '../traces.ts'

export const scenario: Scenario<unknown> = {
  title: 'P4 awareness',
  resultsFile: path.join(repoRoot, 'bench/results/p4-awareness.json'),
  run: () => Promise.reject(new Error('P4 awareness is not built yet')),
  section: () => [],
}
