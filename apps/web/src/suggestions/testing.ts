// Fixtures for the suggestion tests: a small coalition, and minutes built the way an import
// builds them, read with the real English model.
import { minutesSchema } from '@accord/minutes'
import { importMinutes } from '@accord/minutes/import'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { MeetingFacts } from './suggestion-review.ts'

export const facts: MeetingFacts = {
  meetingDate: '2025-03-04', // a Tuesday
  organisations: [
    { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC', aliases: [] },
    { id: 'fpct', name: 'Fair Pay for Care Trust', shortName: 'FPCT', aliases: [] },
  ],
  people: [],
}

/** A strong suggestion: an organisation, "will", a verb and a date. */
export const STRONG_SENTENCE = 'ALC will circulate the summary by Friday.'
/** A weak one: the same commitment, on a condition. */
export const WEAK_SENTENCE = 'If the funding comes through, FPCT will draft the letter.'

export function markdownDoc(markdown: string): ProseMirrorNode {
  return minutesSchema().nodeFromJSON(importMinutes(markdown, 'markdown'))
}

/** Minutes holding one action node with the given words and attributes. */
export function actionDoc(text: string, attrs: Record<string, unknown> = {}): ProseMirrorNode {
  return minutesSchema().nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'actionItem', attrs: { id: 'a1', ...attrs }, content: [{ type: 'text', text }] },
    ],
  })
}
