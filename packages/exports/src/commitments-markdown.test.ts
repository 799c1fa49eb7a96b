import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { commitmentsOf } from './commitments.ts'
import { commitmentsMarkdown } from './commitments-markdown.ts'
import { escapeMarkdown } from './markdown-text.ts'
import { ledgerFixture, TODAY } from './testing/ledger-fixture.ts'

describe('commitmentsMarkdown', () => {
  const ledger = ledgerFixture()
  const alc = commitmentsOf(ledger, 'alc', TODAY)
  const markdown = commitmentsMarkdown(alc, { origin: 'https://accord.example.org' })
  const html = new MarkdownIt({ html: true }).render(markdown)

  it('has the title, date and sections', () => {
    expect(markdown).toMatch(
      /^# Aotearoa Land Collective – commitments to Ōtautahi Climate Coalition\n\nGenerated on 5 Dec 2026\./,
    )
    expect(markdown).toContain('## Open (5)')
    expect(markdown).toContain('## Done (2)')
    expect(markdown).toContain('## Dropped (1)')
  })

  it('lists each action with its due date, overdue marker, meeting link and source', () => {
    for (const row of alc.rows) expect(markdown).toContain(escapeMarkdown(row.text))
    const letter = markdown.split('\n- ').find((item) => item.includes('draft joint letter'))!
    expect(letter).toContain('due 20 Nov 2026 · **overdue**')
    expect(letter).toContain(
      '[Planning day in Ōtautahi, 1 Dec 2026](https://accord.example.org/meetings/m-dec#action-a-letter)',
    )
    expect(letter).toContain('> ALC and CN will circulate the draft joint letter by the 20th.')
    expect(markdown).toContain('**Draft a funding bid (budget \\< £5k & a timeline)** · no date')
  })

  it('marks owners and dates read from the words "(proposed)", as the minutes exports do', () => {
    const item = (text: string) => markdown.split('\n- ').find((line) => line.includes(text))!
    // Every owner is named when they are a proposal: even this organisation's part is one.
    expect(item('draft joint letter')).toContain(
      'owned by ALC, CN (proposed) · assigned to Aroha Ngata (proposed)',
    )
    expect(item('draft joint letter')).toContain('due 20 Nov 2026 · **overdue**')
    expect(item('on socials')).toContain('due 10 Dec 2026 (proposed)')
    expect(item('on socials')).not.toContain('owned by')
    expect(item('the budget lines')).not.toContain('(proposed)')
  })

  it('marks proposed date words that name no date, and everyone’s proposed part', () => {
    const ledger = ledgerFixture()
    const funding = ledger.actions.find((action) => action.key === 'a-funding')!
    Object.assign(funding, { dueText: 'soon', dueProposed: true })
    const signatory = ledger.actions.find((action) => action.key === 'a-signatory')!
    signatory.ownersProposed = true
    const text = commitmentsMarkdown(commitmentsOf(ledger, 'alc', TODAY))
    expect(text).toContain('£5k & a timeline)** · due “soon” (proposed, no date)')
    expect(text).toContain(
      'its signatory** · due 19 Dec 2026 \\\n  owned by all organisations (proposed)',
    )
  })

  it('keeps user text literal when rendered', () => {
    expect(html).toContain('<strong>=SUM(A1) the budget lines</strong>')
    expect(html).toContain('budget &lt; £5k')
    expect(html).not.toMatch(/<h\d>=SUM/)
    expect(html.match(/<h2>/g)).toHaveLength(3)
  })

  it('keeps co-owners literal: an owner nobody matched is text someone typed', () => {
    const hostile = ledgerFixture()
    const funding = hostile.actions.find((action) => action.key === 'a-funding')!
    funding.unknownOwners = ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))']
    const rendered = new MarkdownIt({ html: true }).render(
      commitmentsMarkdown(commitmentsOf(hostile, 'alc', TODAY)),
    )
    expect(rendered).toContain('also &lt;img src=x onerror=alert(1)&gt;, [x](javascript:alert(1))')
    expect(rendered).not.toContain('<img')
    expect(rendered).not.toContain('href="javascript')
  })

  it('leaves out actions other organisations owe', () => {
    expect(markdown).not.toContain('Book the venue')
    expect(markdown).not.toContain('press release')
  })
})
