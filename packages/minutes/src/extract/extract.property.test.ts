import type { JSONContent } from '@tiptap/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { minutesSchema } from '../schema.ts'
import { extract } from './index.ts'
import type { ExtractContext } from './types.ts'

// Words that trigger the rules, mixed with arbitrary unicode, so that random documents reach
// the patterns (owners, modals, dates, asks, tables) as well as the edge cases.
const vocabulary = [
  'will',
  'to',
  'agreed',
  'offered',
  'Please',
  'Could',
  'members',
  'all',
  'Action:',
  'Ask of',
  'Decision:',
  'the Treasury',
  'call on',
  'by Friday',
  'next week',
  'the 31st',
  'budget day',
  'end of February',
  '(',
  ')',
  ' – ',
  '|',
  '.',
  '?',
  ';',
  ',',
  'ALC',
  'Org',
  'Zoë',
  '\u0000',
]
const word = fc.oneof(fc.constantFrom(...vocabulary), fc.string({ unit: 'grapheme', maxLength: 8 }))
const sentence = fc.array(word, { maxLength: 14 }).map((words) => words.join(' '))
const inline = sentence.map((t): JSONContent[] => (t === '' ? [] : [{ type: 'text', text: t }]))
const withContent = (type: string, attrs?: object) =>
  inline.map((content): JSONContent => ({
    type,
    ...(attrs ? { attrs } : {}),
    ...(content.length ? { content } : {}),
  }))

const block: fc.Arbitrary<JSONContent> = fc.oneof(
  withContent('paragraph'),
  fc.integer({ min: 1, max: 3 }).chain((level) => withContent('heading', { level })),
  fc.array(withContent('paragraph'), { minLength: 1, maxLength: 3 }).map((items) => ({
    type: fc.sample(fc.constantFrom('bulletList', 'orderedList'), 1)[0]!,
    content: items.map((p) => ({ type: 'listItem', content: [p] })),
  })),
  withContent('actionItem', { id: 'a1', owners: ['org-0'], due: '2025-01-02' }),
  withContent('ask', { id: 'k1', supporters: ['nobody'] }),
  withContent('decision', { id: null }),
)
const doc = fc
  .array(block, { minLength: 1, maxLength: 12 })
  .map((content) => minutesSchema().nodeFromJSON({ type: 'doc', content }))

const name = fc.string({ unit: 'grapheme', minLength: 0, maxLength: 12 })
const context: fc.Arbitrary<ExtractContext> = fc.record({
  meetingDate: fc.oneof(
    fc.constantFrom('2025-03-04', '2024-02-29', 'not a date'),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  ),
  organisations: fc
    .array(fc.record({ name, shortName: name, aliases: fc.array(name, { maxLength: 2 }) }), {
      maxLength: 6,
    })
    .map((orgs) => orgs.map((o, i) => ({ id: `org-${i}`, ...o }))),
  people: fc
    .array(fc.record({ name, organisationId: fc.constantFrom('org-0', 'org-1', 'none') }), {
      maxLength: 4,
    })
    .map((people) => people.map((p, i) => ({ id: `p-${i}`, ...p }))),
  dismissed: fc.array(fc.string(), { maxLength: 2 }),
})

describe('extract on arbitrary documents', () => {
  it('never throws, is deterministic and keeps sources inside the document', () => {
    fc.assert(
      fc.property(doc, context, (node, ctx) => {
        const first = extract(node, ctx)
        expect(extract(node, ctx)).toEqual(first)
        for (const item of [...first.actions, ...first.asks, ...first.decisions]) {
          expect(item.source.from).toBeGreaterThanOrEqual(0)
          expect(item.source.to).toBeLessThanOrEqual(node.content.size)
          expect(item.source.from).toBeLessThanOrEqual(item.source.to)
        }
        const keys = first.actions.filter((a) => a.origin === 'suggested').map((a) => a.key)
        expect(new Set(keys).size).toBe(keys.length)
      }),
      { numRuns: 300, seed: 20250304 },
    )
  })
})
