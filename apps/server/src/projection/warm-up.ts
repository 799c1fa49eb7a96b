import { minutesSchema } from '@accord/minutes'
import { extract } from '@accord/minutes/extract'
import { importMinutes } from '@accord/minutes/import'

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
 * V8 compiles a regular expression natively only after its first runs, and chrono-node's are
 * large: the second call in a fresh process takes over 100 ms. Running the extractor a few
 * times at start-up pays that once, before anyone's minutes wait for it.
 */
export function warmUpExtractor(runs = 3): void {
  const doc = minutesSchema().nodeFromJSON(importMinutes(SAMPLE, 'markdown'))
  const context = {
    meetingDate: '2025-03-04',
    organisations: [{ id: 'trust', name: 'The Trust', shortName: 'TT', aliases: ['Trust'] }],
    people: [],
  }
  for (let run = 0; run < runs; run++) extract(doc, context)
}
