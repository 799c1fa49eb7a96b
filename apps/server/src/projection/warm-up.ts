import { importMinutesToUpdate } from '@accord/minutes/import'
import { loadDemoCoalition } from '../demo/demo-coalition.ts'
import { projectState } from './project-state.ts'

/** Minutes touching every rule family and the date forms chrono-node parses. */
const SAMPLE = `# Warm-up meeting

## Funding

The Trust will draft the letter by Friday and circulate it before the next call (18 March).
Please share the survey next week. Could members send case studies by the end of the month?
It was agreed that we would ask the Treasury to fund the uplift in full.
Decision: the forum will meet monthly.

| Action | Owner | Due |
| --- | --- | --- |
| Publish the report | Trust | 20 March |
`

/**
 * V8 compiles a function natively only after its first runs, and a regular expression likewise:
 * the extractor's first calls in a fresh thread take several times as long as later ones. Running
 * the whole projection (document rebuilt and read, extracted, listed) a few times over real
 * minutes – the demo's samples and a sample of every rule – pays that once, before anyone's
 * minutes wait for it. The extraction workers do it before they say they are ready.
 */
export function warmUpExtractor(runs = 3): void {
  const demo = loadDemoCoalition()
  const context = {
    meetingDate: '2025-03-04',
    coalitionName: demo.name,
    nextMeetingDate: '2025-04-01',
    organisations: [
      { id: 'trust', name: 'The Trust', shortName: 'TT', aliases: ['Trust'] },
      ...demo.organisations.map((organisation, i) => ({ id: `warm-up-${i}`, ...organisation })),
    ],
    people: [],
  }
  const states = [importMinutesToUpdate(SAMPLE, 'markdown'), ...demo.meetings.map((m) => m.update)]
  for (let run = 0; run < runs; run++) {
    for (const state of states) projectState([state], context)
  }
}
