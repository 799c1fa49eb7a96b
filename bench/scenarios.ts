/** The scenarios that live in their own folder, by the name `--scenarios` takes. */
import { scenario as awareness } from './awareness/index.ts'
import { scenario as coldOpen } from './cold-open/index.ts'
import { scenario as concurrent } from './concurrent/index.ts'
import { scenario as joinStorm } from './join-storm/index.ts'
import { scenario as livePass } from './live-pass/index.ts'
import type { ScenarioName } from './options.ts'
import { scenario as saturation } from './saturation/index.ts'
import type { Scenario } from './scenario.ts'

export const folderScenarios: Partial<Record<ScenarioName, Scenario<never>>> = {
  saturation,
  'join-storm': joinStorm,
  awareness,
  'cold-open': coldOpen,
  concurrent,
  'live-pass': livePass,
}
