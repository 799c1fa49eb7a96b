import { describe, expect, it } from 'vitest'
import { extract } from './index.ts'
import { context, markdownDoc } from './testing.ts'

const decisions = (markdown: string) =>
  extract(markdownDoc(markdown), context).decisions.map((d) => d.text)

describe('decisions', () => {
  it('reads labelled decisions and "it was agreed that"', () => {
    expect(
      decisions(
        'Decision: the rally moves to Saturday.\n\nIt was agreed that the coalition would not endorse candidates.\n\nThe group decided to meet monthly.',
      ),
    ).toEqual([
      'the rally moves to Saturday',
      'the coalition would not endorse candidates',
      'to meet monthly',
    ])
  })

  it('gives a subjectless "Agreed …" its section heading', () => {
    expect(decisions('## 2. Terms of reference\n\nAgreed without changes.')).toEqual([
      'Terms of reference: agreed without changes',
    ])
  })

  it('reads the items of a list of decisions', () => {
    expect(decisions('Decisions:\n\n- Keep the petition open.\n- Drop the survey.')).toEqual([
      'Keep the petition open',
      'Drop the survey',
    ])
  })

  it('does not take discussion for decisions', () => {
    expect(decisions('Members discussed whether to agree a joint statement.')).toEqual([])
  })
})
