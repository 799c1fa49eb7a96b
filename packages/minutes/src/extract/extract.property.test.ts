import type { JSONContent } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { readFileSync } from 'node:fs'
import { importMinutes } from '../import-minutes.ts'
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

/** Extracts, failing the test if any stage failed inside (extract itself never throws). */
function extractStrictly(node: ProseMirrorNode, ctx: ExtractContext) {
  const failures: string[] = []
  const result = extract(node, ctx, {
    onError: (stage, error) => failures.push(`${stage}: ${String(error)}`),
  })
  expect(failures).toEqual([])
  return result
}

describe('extract on arbitrary documents', () => {
  it('never fails in any stage, is deterministic and keeps sources inside the document', () => {
    fc.assert(
      fc.property(doc, context, (node, ctx) => {
        const first = extractStrictly(node, ctx)
        expect(extractStrictly(node, ctx)).toEqual(first)
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

// Real-looking minutes (the samples the demo is built from), mutated the ways pasted minutes
// go wrong: lines lost, doubled or run together, words cut, stray characters and capitals.
const SAMPLES = new URL('../../../../apps/server/src/demo/samples/', import.meta.url)
const samples = ['fortnightly-call.md', 'pay-campaign.txt', 'reform-alliance.md'].map((name) =>
  readFileSync(new URL(name, SAMPLES), 'utf8'),
)
const organisations = (
  JSON.parse(readFileSync(new URL('organisations.json', SAMPLES), 'utf8')) as {
    organisations: { name: string; short: string; aliases?: string[] }[]
  }
).organisations.map((o, i) => ({
  id: `org-${i}`,
  name: o.name,
  shortName: o.short,
  aliases: o.aliases ?? [],
}))

type Mutation = (text: string, at: number, length: number) => string
const mutations: Mutation[] = [
  (t, at, n) => t.slice(0, at) + t.slice(at + n), // lose a stretch
  (t, at, n) => t.slice(0, at) + t.slice(at, at + n) + t.slice(at), // double a stretch
  (t, at) => t.slice(0, at) + t.slice(at).replace(/\n/, ' '), // run two lines together
  (t, at) => t.slice(0, at) + '\n' + t.slice(at), // break a line
  (t, at, n) => t.slice(0, at) + t.slice(at, at + n).toUpperCase() + t.slice(at + n),
  (t, at) =>
    t.slice(0, at) + ['\u200b', '\u202e', '🙂', '\t', ' – ', ' | ', '\u0000'][at % 7] + t.slice(at),
  (t, at) => t.slice(0, at) + ' Action: ' + t.slice(at),
  (t, at) => t.slice(0, at) + ' Present: ' + t.slice(at),
]
const mutated = fc
  .tuple(
    fc.constantFrom(...samples.keys()),
    fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: mutations.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 40 }),
      ),
      { minLength: 1, maxLength: 12 },
    ),
    fc.constantFrom('markdown' as const, 'text' as const),
  )
  .map(([sample, steps, format]) => {
    let text = samples[sample]!
    for (const [m, at, n] of steps) text = mutations[m]!(text, at % (text.length + 1), n)
    return minutesSchema().nodeFromJSON(importMinutes(text, format))
  })

describe('extract on mutated real minutes', () => {
  it('never fails in any stage and reads the same minutes the same way', () => {
    const ctx: ExtractContext = {
      meetingDate: '2025-03-04',
      organisations,
      people: [{ id: 'p-0', name: 'Hazel', organisationId: 'org-1' }],
      coalitionName: 'Northshire Care Coalition',
    }
    fc.assert(
      fc.property(mutated, (node) => {
        const first = extractStrictly(node, ctx)
        expect(extractStrictly(node, ctx)).toEqual(first)
        for (const item of [...first.actions, ...first.asks, ...first.decisions]) {
          expect(item.source.to).toBeLessThanOrEqual(node.content.size)
          expect(item.confidence).toBeGreaterThanOrEqual(0)
          expect(item.confidence).toBeLessThanOrEqual(1)
        }
      }),
      { numRuns: 200, seed: 20261207 },
    )
  })
})
