import { loadEnglish } from '@accord/minutes/language'
import { EditorState } from '@tiptap/pm/state'
import { beforeAll, describe, expect, it } from 'vitest'
import { planAcceptAll, samePlan } from './accept-all-plan.ts'
import { createSuggestionExtractor, strengthOf, type Extract } from './find-suggestions.ts'
import { facts, markdownDoc, STRONG_SENTENCE, WEAK_SENTENCE } from './testing.ts'

let extract: Extract
beforeAll(async () => {
  extract = createSuggestionExtractor({ ...facts, dismissed: [] }, await loadEnglish())
})

function blocks(doc: ReturnType<typeof markdownDoc>): [string, string][] {
  const found: [string, string][] = []
  doc.descendants((node) => {
    if (!node.isTextblock) return true
    found.push([node.type.name, node.textContent])
    return false
  })
  return found
}

describe('planAcceptAll', () => {
  it('accepts the strong suggestions only, and lists the weak ones left', () => {
    const doc = markdownDoc(`${STRONG_SENTENCE}\n\n${WEAK_SENTENCE}`)
    const plan = planAcceptAll(EditorState.create({ doc }).tr, extract)

    expect(plan.accepted.map((s) => [s.kind, s.item.source.text, strengthOf(s)])).toEqual([
      ['action', STRONG_SENTENCE, 'strong'],
    ])
    expect(plan.weak.map((s) => [s.item.source.text, strengthOf(s)])).toEqual([
      [WEAK_SENTENCE, 'weak'],
    ])
    plan.tr.doc.check()
    expect(blocks(plan.tr.doc)).toEqual([
      ['actionItem', STRONG_SENTENCE],
      ['paragraph', WEAK_SENTENCE],
    ])
    expect(plan.tr.doc.firstChild?.attrs).toMatchObject({ owners: ['alc'], due: '2025-03-07' })
  })

  it('lists each suggestion once, in document order, even from one paragraph', () => {
    const doc = markdownDoc(
      `We went through the figures. ${STRONG_SENTENCE} FPCT will draft the letter by 14 March.`,
    )
    const plan = planAcceptAll(EditorState.create({ doc }).tr, extract)
    expect(plan.accepted.map((s) => s.item.source.text)).toEqual([
      STRONG_SENTENCE,
      'FPCT will draft the letter by 14 March.',
    ])
    expect(blocks(plan.tr.doc).map(([type]) => type)).toEqual([
      'paragraph',
      'actionItem',
      'actionItem',
    ])
  })

  it('changes nothing where every suggestion is weak', () => {
    const doc = markdownDoc(WEAK_SENTENCE)
    const plan = planAcceptAll(EditorState.create({ doc }).tr, extract)
    expect(plan.accepted).toEqual([])
    expect(plan.weak).toHaveLength(1)
    expect(plan.tr.docChanged).toBe(false)
  })
})

describe('samePlan', () => {
  it('tells whether the confirmed list is still what would be created', () => {
    const plan = (markdown: string) =>
      planAcceptAll(EditorState.create({ doc: markdownDoc(markdown) }).tr, extract)
    expect(samePlan(plan(STRONG_SENTENCE), plan(`${STRONG_SENTENCE}\n\n${WEAK_SENTENCE}`))).toBe(
      true,
    )
    expect(samePlan(plan(STRONG_SENTENCE), plan('ALC will circulate the summary by Monday.'))).toBe(
      false,
    )
  })
})
