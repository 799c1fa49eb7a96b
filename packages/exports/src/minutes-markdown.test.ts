import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { minutesMarkdown } from './minutes-markdown.ts'
import { minutesInput } from './testing/minutes-fixture.ts'

describe('minutesMarkdown', () => {
  const markdown = minutesMarkdown(minutesInput)
  const html = new MarkdownIt({ html: true }).render(markdown)

  it('has the title, date and state', () => {
    expect(markdown).toMatch(
      /^# Planning day \\<in\\> Ōtautahi\n\nŌtautahi Climate Coalition · 1 Dec 2026 · Draft\n/,
    )
    const approved = {
      ...minutesInput,
      meeting: { ...minutesInput.meeting, status: 'approved' as const },
    }
    expect(minutesMarkdown({ ...approved, version: { label: 'v3' } })).toContain(
      'Approved · version v3',
    )
  })

  it('writes the structured items in words', () => {
    expect(markdown).toContain(
      '- **Action** (ALC, CN; Aroha Ngata; due 12 Dec 2026; open; carried over): ALC and CN to circulate the joint letter',
    )
    expect(markdown).toContain(
      '- **Action** (All organisations; in progress): Everyone to confirm a signatory',
    )
    expect(markdown).toContain(
      '**Ask** of Environment Canterbury (supported by ALC, ŌWT; agreed): Publish the impact assessment',
    )
    expect(markdown).toContain('**Decision:** We back the joint letter')
  })

  it("fills what an action node leaves open with the server's proposals, marked as such", () => {
    expect(markdown).toContain(
      '- **Action** (ALC (proposed); Aroha Ngata (proposed); due 11 Dec 2026 (proposed); open): ALC to book the venue by Friday week',
    )
    expect(markdown).toContain('- **Action** (no owner; open): Someone to think about catering')
    expect(markdown).not.toContain('ŌWT (proposed)')
    const { proposals: _, ...withoutProposals } = minutesInput
    expect(minutesMarkdown(withoutProposals)).toContain(
      '- **Action** (no owner; open): ALC to book the venue by Friday week',
    )
  })

  it('proposes only what the node leaves open: a set due date stays, proposed owners fill in', () => {
    const proposals = {
      'a-venue': { owners: ['ALL'], assignee: null, due: null, dueText: 'soon' },
      'a-all': { owners: ['cn'], assignee: null, due: '2026-12-24', dueText: 'Christmas Eve' },
    }
    const markdown = minutesMarkdown({ ...minutesInput, proposals })
    expect(markdown).toContain(
      '- **Action** (All organisations (proposed); due “soon” (proposed); open): ALC to book',
    )
    expect(markdown).toContain(
      '- **Action** (All organisations; due 24 Dec 2026 (proposed); in progress): Everyone to confirm',
    )
  })

  it('keeps prose structure and marks', () => {
    expect(markdown).toContain('## Apologies & welcome')
    expect(markdown).toContain('### Matters arising')
    expect(markdown).toContain(
      'Chaired by CN. **Bold** and ***both***, ~~struck~~, underlined, `npm test`.',
    )
    expect(markdown).toContain('- Venue options\n  - Te Pae')
    expect(markdown).toContain('1. Agree the ask\n2. Send it')
    expect(markdown).toContain('> Kia kaha, Ōtautahi.')
    expect(markdown).toContain('````text\nline one\nline ```two```\n````')
    expect(markdown).toContain(
      '| Organisation | Role \\| lead |\n| --- | --- |\n| ALC | Drafting |',
    )
    expect(markdown).toContain('An unknown node keeps its text')
    expect(html).toContain('First line<br>\nSecond line')
  })

  it('keeps safe links and drops the rest to text', () => {
    expect(html).toContain('<a href="https://example.org/plan?a=1&amp;b=2">the plan</a>')
    expect(html).toContain('<a href="mailto:hello@example.org">write to us</a>')
    expect(markdown).not.toContain('javascript:')
    expect(html).toContain('but not this trap.')
  })

  it('never lets text become markup', () => {
    expect(html).not.toContain('<script>')
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;minutes&quot;)&lt;/script&gt; &amp; *not emphasis*',
    )
  })
})
