import { loadEnglish } from '@accord/minutes/language'
import { describe, expect, it } from 'vitest'
import { createSuggestionExtractor, extractContext, findSuggestions } from './find-suggestions.ts'
import { facts, markdownDoc } from './testing.ts'

describe('extractContext', () => {
  it('hands the extractor everything the server projects with', () => {
    const context = extractContext({
      ...facts,
      people: [{ id: 'p-priya', name: 'Priya', organisationId: 'fpct' }],
      coalitionName: 'Northshire Care Coalition',
      nextMeetingDate: '2025-04-01',
      dismissed: ['action:abc'],
    })
    expect(context).toEqual({
      meetingDate: '2025-03-04',
      organisations: facts.organisations,
      people: [{ id: 'p-priya', name: 'Priya', organisationId: 'fpct' }],
      coalitionName: 'Northshire Care Coalition',
      nextMeetingDate: '2025-04-01',
      dismissed: ['action:abc'],
    })
  })
})

describe('findSuggestions', () => {
  it('reads "by the next meeting" as the next meeting\'s date, when the page knows it', async () => {
    const english = await loadEnglish()
    const doc = markdownDoc('ALC will report back by the next meeting.')
    const due = (nextMeetingDate: string | null) =>
      findSuggestions(
        doc,
        createSuggestionExtractor({ ...facts, nextMeetingDate, dismissed: [] }, english),
      ).map(({ item }) => 'due' in item && item.due)
    expect(due('2025-04-01')).toEqual(['2025-04-01'])
    expect(due(null)).toEqual([null])
  })

  it('leaves dismissed suggestions out', async () => {
    const english = await loadEnglish()
    const doc = markdownDoc('ALC will circulate the summary by Friday.')
    const [found] = findSuggestions(
      doc,
      createSuggestionExtractor({ ...facts, dismissed: [] }, english),
    )
    const extract = createSuggestionExtractor({ ...facts, dismissed: [found!.item.key] }, english)
    expect(findSuggestions(doc, extract)).toEqual([])
  })
})
