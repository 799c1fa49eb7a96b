/**
 * Whatever the ledger, an organisation's export holds its own actions and never another
 * organisation's: checked over random ledgers in every format, by the markers in action texts.
 */
import fc from 'fast-check'
import ICAL from 'ical.js'
import { isOutstanding, isOwnedBy, type Ledger, type LedgerAction } from '@accord/minutes/ledger'
import { describe, expect, it } from 'vitest'
import { commitmentsOf } from './commitments.ts'
import { commitmentsCsv } from './commitments-csv.ts'
import { commitmentsDocx } from './commitments-docx.ts'
import { commitmentsIcs } from './commitments-ics.ts'
import { commitmentsJson } from './commitments-json.ts'
import { commitmentsMarkdown } from './commitments-markdown.ts'
import { docxText } from './testing/read-docx.ts'
import { isoDate, markerOf, randomLedger } from './testing/random-ledger.ts'

/** For each organisation and action: should the export show it, and does it? */
function checkEveryOrganisation(
  ledger: Ledger,
  today: string,
  render: (orgId: string) => string,
  expected: (action: LedgerAction, orgId: string) => boolean = isOwnedBy,
) {
  for (const org of ledger.organisations) {
    const output = render(org.id)
    ledger.actions.forEach((action, i) => {
      const shown = output.includes(markerOf(i))
      expect(shown, `${markerOf(i)} in ${org.id}'s export`).toBe(expected(action, org.id))
    })
  }
}

/** The calendar's text as a reader sees it: unfolded and unescaped, via a real parser. */
function icsText(ics: string): string {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[])
  return calendar
    .getAllSubcomponents('vevent')
    .map(
      (event) =>
        `${event.getFirstPropertyValue('summary')}\n${event.getFirstPropertyValue('description')}`,
    )
    .join('\n')
}

describe('an organisation’s export, for any ledger', () => {
  const text = {
    markdown: commitmentsMarkdown,
    csv: commitmentsCsv,
    json: commitmentsJson,
  }
  for (const [format, render] of Object.entries(text)) {
    it(`holds exactly its own actions in ${format}`, () => {
      fc.assert(
        fc.property(randomLedger, isoDate, (ledger, today) => {
          checkEveryOrganisation(ledger, today, (id) => render(commitmentsOf(ledger, id, today)))
        }),
        { numRuns: 50 },
      )
    })
  }

  it('holds exactly its own dated open actions in iCalendar', () => {
    fc.assert(
      fc.property(randomLedger, isoDate, (ledger, today) => {
        checkEveryOrganisation(
          ledger,
          today,
          (id) => icsText(commitmentsIcs(commitmentsOf(ledger, id, today))),
          (action, id) => isOwnedBy(action, id) && isOutstanding(action) && action.due !== null,
        )
        // Nor anywhere in the raw file, where a folded line could hide a marker from `includes`.
        for (const org of ledger.organisations) {
          const raw = commitmentsIcs(commitmentsOf(ledger, org.id, today)).replace(/\r\n[ \t]/g, '')
          ledger.actions.forEach((action, i) => {
            if (!isOwnedBy(action, org.id)) expect(raw).not.toContain(markerOf(i))
          })
        }
      }),
      { numRuns: 50 },
    )
  })

  it('holds exactly its own actions in Word', async () => {
    await fc.assert(
      fc.asyncProperty(randomLedger, isoDate, async (ledger, today) => {
        const texts = new Map<string, string>()
        for (const org of ledger.organisations) {
          texts.set(
            org.id,
            await docxText(await commitmentsDocx(commitmentsOf(ledger, org.id, today))),
          )
        }
        checkEveryOrganisation(ledger, today, (id) => texts.get(id)!)
      }),
      { numRuns: 15 },
    )
  })
})
