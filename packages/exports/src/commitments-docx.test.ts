import { describe, expect, it } from 'vitest'
import { commitmentsOf } from './commitments.ts'
import { commitmentsDocx } from './commitments-docx.ts'
import { docxText } from './testing/read-docx.ts'
import { ledgerFixture, TODAY } from './testing/ledger-fixture.ts'

describe('commitmentsDocx', () => {
  const ledger = ledgerFixture()

  it('holds the heading, date, and a table row per action', async () => {
    const alc = commitmentsOf(ledger, 'alc', TODAY)
    const text = await docxText(await commitmentsDocx(alc))
    expect(text).toContain('Aotearoa Land Collective – commitments to Ōtautahi Climate Coalition')
    expect(text).toContain('Generated on 5 Dec 2026.')
    expect(text).toContain('Action\nOwners\nDue\nStatus\nMeeting')
    for (const row of alc.rows) expect(text).toContain(row.text)
    expect(text).toContain('20 Nov 2026\noverdue')
  })

  it('marks owners and dates read from the words "(proposed)", as the minutes exports do', async () => {
    const text = await docxText(await commitmentsDocx(commitmentsOf(ledger, 'alc', TODAY)))
    // Row by row: action, owners, due (with "overdue" under it), status, meeting.
    expect(text).toContain('Circulate the draft joint letter\nALC, CN (proposed)\n20 Nov 2026\n')
    expect(text).toContain('@mention the council on socials\nALC\n10 Dec 2026 (proposed)\nopen')
    expect(text).toContain('=SUM(A1) the budget lines\nALC\n12 Dec 2026\nin progress')
    const words = ledgerFixture()
    Object.assign(
      words.actions.find((action) => action.key === 'a-funding')!,
      {
        dueText: 'soon',
        dueProposed: true,
      },
    )
    const soon = await docxText(await commitmentsDocx(commitmentsOf(words, 'alc', TODAY)))
    expect(soon).toContain('ALC, Greenpeace\nsoon (proposed)\nopen')
  })

  it('leaves out what only other organisations owe', async () => {
    const alc = await docxText(await commitmentsDocx(commitmentsOf(ledger, 'alc', TODAY)))
    const others = ledger.actions.filter(
      (action) => !action.owners.some((o) => ['alc', 'ALL'].includes(o)),
    )
    expect(others.length).toBeGreaterThan(0)
    for (const action of others) expect(alc).not.toContain(action.text)
  })
})
