import { describe, expect, it } from 'vitest'
import { createExtractor, extract } from './index.ts'
import { english } from '../language/english.ts'
import { context, jsonDoc, markdownDoc } from './testing.ts'

const text = (t: string) => ({ type: 'text', text: t })
const paragraph = (...content: object[]) => ({ type: 'paragraph', content })

describe('extract', () => {
  it('puts explicit nodes first, read from their attrs', () => {
    const doc = jsonDoc([
      paragraph(text('RFB will restock the pantry by Friday.')),
      {
        type: 'actionItem',
        attrs: {
          id: 'n1',
          owners: ['sp'],
          assignee: 'p-daniel',
          due: '2025-07-01',
          dueText: '1 July',
          status: 'in_progress',
        },
        content: [text('Print the ballot papers')],
      },
      {
        type: 'ask',
        attrs: { id: 'n2', target: 'HM Treasury', supporters: ['tur'], status: 'sent' },
        content: [text('Fund repairs')],
      },
      { type: 'decision', attrs: { id: 'n3' }, content: [text('Meet monthly')] },
    ])
    const result = extract(doc, context)
    expect(result.actions.map((a) => [a.origin, a.key, a.text])).toEqual([
      ['explicit', 'n1', 'Print the ballot papers'],
      ['suggested', expect.stringMatching(/^action-/), 'restock the pantry'],
    ])
    expect(result.actions[0]).toMatchObject({
      owners: ['sp'],
      assignee: 'p-daniel',
      due: '2025-07-01',
      status: 'in_progress',
      reason: 'explicit action node',
    })
    expect(result.asks).toMatchObject([
      { key: 'n2', origin: 'explicit', target: 'HM Treasury', supporters: ['tur'], status: 'sent' },
    ])
    expect(result.decisions).toMatchObject([
      { key: 'n3', origin: 'explicit', text: 'Meet monthly' },
    ])
  })

  it('gives an action node without owners the organisations its text mentions or names', () => {
    const doc = jsonDoc([
      {
        type: 'actionItem',
        attrs: { id: 'm1', owners: [] },
        content: [
          text('Draft the letter with '),
          { type: 'organisationMention', attrs: { id: 'acr', label: 'ACR' } },
        ],
      },
      {
        type: 'actionItem',
        attrs: { id: 'm2', owners: [] },
        content: [text('Riverside Food Bank to restock the pantry')],
      },
      {
        type: 'actionItem',
        attrs: { id: 'm3', owners: ['sp'] },
        content: [text('Riverside Food Bank to help')],
      },
      { type: 'actionItem', attrs: { id: 'm4', owners: [] }, content: [text('Book a room')] },
    ])
    expect(extract(doc, context).actions.map((a) => [a.key, a.owners])).toEqual([
      ['m1', ['acr']],
      ['m2', ['rfb']],
      ['m3', ['sp']],
      ['m4', []],
    ])
  })

  it('reads the date words of a carried action as of the meeting where they were written', () => {
    const node = (writtenOn: string | null) =>
      jsonDoc([
        {
          type: 'actionItem',
          attrs: { id: 'c1', owners: [], writtenOn, carriedFrom: 'earlier' },
          content: [text('RFB to restock the pantry by Friday')],
        },
      ])
    // Written on Tuesday 3 June: that week's Friday, though the meeting holding it is a week on.
    expect(extract(node('2025-06-03'), context).actions).toMatchObject([
      { owners: ['rfb'], ownersProposed: true, due: '2025-06-06', dueProposed: true },
    ])
    expect(extract(node(null), context).actions).toMatchObject([{ due: '2025-06-13' }])
    // A date that is no calendar day is no reference: the meeting's own date is.
    expect(extract(node('2025-02-30'), context).actions).toMatchObject([{ due: '2025-06-13' }])
  })

  it('drops a suggestion whose text is already inside an explicit node', () => {
    const doc = jsonDoc([
      paragraph(text('RFB will restock the pantry.')),
      {
        type: 'actionItem',
        attrs: { id: 'n1', owners: ['rfb'] },
        content: [text('Restock the pantry, both shelves')],
      },
    ])
    expect(extract(doc, context).actions.map((a) => a.origin)).toEqual(['explicit'])
  })

  it('leaves out dismissed suggestions', () => {
    const doc = markdownDoc('RFB will restock the pantry.\n\nSP will count beds.')
    const [first] = extract(doc, context).actions
    const left = extract(doc, { ...context, dismissed: [first!.key] }).actions
    expect(left.map((a) => a.text)).toEqual(['count beds'])
  })

  it('reads organisation mentions as owners and gives sources in document positions', () => {
    const doc = jsonDoc([
      paragraph(text('Rents.')),
      paragraph(
        { type: 'organisationMention', attrs: { id: 'acr', label: 'ACR' } },
        text(' will visit the flats.'),
      ),
    ])
    const [action] = extract(doc, context).actions
    expect(action).toMatchObject({ owners: ['acr'], text: 'visit the flats' })
    expect(action!.source.text).toBe('ACR will visit the flats.')
    expect(doc.textBetween(action!.source.from, action!.source.to)).toBe(
      '@ACR will visit the flats.',
    )
  })

  it('is deterministic, and createExtractor reuses one context', () => {
    const doc = markdownDoc(
      '## SP\n\nThey will survey the hostel. Please share the results next week.',
    )
    const run = createExtractor(context, english)
    expect(run(doc)).toEqual(extract(doc, context))
    expect(JSON.stringify(run(doc))).toBe(JSON.stringify(run(doc)))
  })

  it('returns empty lists for an empty document or a broken context', () => {
    expect(extract(jsonDoc([{ type: 'paragraph' }]), context)).toEqual({
      actions: [],
      asks: [],
      decisions: [],
    })
    const broken = { meetingDate: 'soon', organisations: [{ id: 'x' }], people: null } as never
    expect(() => extract(markdownDoc('X will go.'), broken)).not.toThrow()
  })
})
