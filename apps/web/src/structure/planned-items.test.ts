import { loadEnglish } from '@accord/minutes/language'
import { describe, expect, it } from 'vitest'
import { createSuggestionExtractor, findSuggestions } from '../suggestions/find-suggestions.ts'
import { facts, markdownDoc } from '../suggestions/testing.ts'
import { plannedItems } from './planned-items.ts'

describe('plannedItems', () => {
  it('lists each item with its kind, words, owners by organisation name, date and target', async () => {
    const extract = createSuggestionExtractor({ ...facts, dismissed: [] }, await loadEnglish())
    const doc = markdownDoc(
      [
        'ALC will circulate the summary by Friday.',
        'Carers Direct will send the figures.',
        'We will ask HM Treasury to publish the impact assessment.',
      ].join('\n\n'),
    )
    const items = plannedItems(findSuggestions(doc, extract), facts.organisations)
    expect(items.map(({ kind, text, details }) => ({ kind, text, details }))).toEqual(
      expect.arrayContaining([
        {
          kind: 'Action',
          text: 'ALC will circulate the summary by Friday.',
          details: ['Owners: Association of Local Councils', 'Due: 7 March 2025'],
        },
        {
          kind: 'Action',
          text: 'Carers Direct will send the figures.',
          details: ['Owners: Carers Direct (unknown organisation)', 'Due: no date'],
        },
        {
          kind: 'Ask',
          text: 'We will ask HM Treasury to publish the impact assessment.',
          details: ['Asked of: HM Treasury', 'Backed by: nobody named'],
        },
      ]),
    )
  })
})
