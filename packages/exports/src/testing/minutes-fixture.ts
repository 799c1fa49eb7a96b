/**
 * Minutes with every kind of node the editor makes, plus a table, a node this package does not
 * know, and text that must not run: a script tag and a javascript: link.
 */
import type { JSONContent } from '@tiptap/core'
import type { MinutesExportInput } from '../minutes-input.ts'

const text = (value: string, marks?: JSONContent['marks']): JSONContent =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })
const mention = (id: string, label: string): JSONContent => ({
  type: 'organisationMention',
  attrs: { id, label },
})
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content })
const cell = (type: 'tableCell' | 'tableHeader', value: string): JSONContent => ({
  type,
  content: [paragraph(text(value))],
})

export const minutesFixture: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Apologies & welcome')] },
    paragraph(
      text('Chaired by '),
      mention('cn', 'CN'),
      text('. '),
      text('Bold', [{ type: 'bold' }]),
      text(' and '),
      text('both', [{ type: 'bold' }, { type: 'italic' }]),
      text(', '),
      text('struck', [{ type: 'strike' }]),
      text(', '),
      text('underlined', [{ type: 'underline' }]),
      text(', '),
      text('npm test', [{ type: 'code' }]),
      text('. See '),
      text('the plan', [{ type: 'link', attrs: { href: 'https://example.org/plan?a=1&b=2' } }]),
      text(' or '),
      text('write to us', [{ type: 'link', attrs: { href: 'mailto:hello@example.org' } }]),
      text(' but not '),
      text('this trap', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
      text('.'),
    ),
    paragraph(text('<script>alert("minutes")</script> & *not emphasis*')),
    paragraph(text('First line'), { type: 'hardBreak' }, text('Second line')),
    { type: 'heading', attrs: { level: 2 }, content: [text('Matters arising')] },
    {
      type: 'bulletList',
      content: [
        item(paragraph(text('Letter drafted'))),
        item(paragraph(text('Venue options')), {
          type: 'bulletList',
          content: [item(paragraph(text('Te Pae')))],
        }),
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 1 },
      content: [item(paragraph(text('Agree the ask'))), item(paragraph(text('Send it')))],
    },
    { type: 'blockquote', content: [paragraph(text('Kia kaha, Ōtautahi.'))] },
    { type: 'codeBlock', attrs: { language: 'text' }, content: [text('line one\nline ```two```')] },
    { type: 'horizontalRule' },
    {
      type: 'actionItem',
      attrs: {
        id: 'a-letter',
        owners: ['alc', 'cn'],
        assignee: 'p-aroha',
        due: '2026-12-12',
        dueText: 'Friday week',
        status: 'open',
        carriedFrom: 'm-nov',
      },
      content: [mention('alc', 'ALC'), text(' and CN to circulate the joint letter')],
    },
    {
      type: 'actionItem',
      attrs: {
        id: 'a-all',
        owners: ['ALL'],
        assignee: null,
        due: null,
        dueText: null,
        status: 'in_progress',
      },
      content: [text('Everyone to confirm a signatory')],
    },
    // Owners and date left open on the node: the input's proposals fill them in.
    {
      type: 'actionItem',
      attrs: { id: 'a-venue', owners: [], assignee: null, due: null, dueText: null },
      content: [text('ALC to book the venue by Friday week')],
    },
    // Nothing set and nothing proposed.
    {
      type: 'actionItem',
      attrs: { id: 'a-open', owners: [], assignee: null, due: null, dueText: null },
      content: [text('Someone to think about catering')],
    },
    {
      type: 'ask',
      attrs: {
        id: 'ask-1',
        target: 'Environment Canterbury',
        supporters: ['alc', 'owt'],
        status: 'agreed',
      },
      content: [text('Publish the impact assessment')],
    },
    { type: 'decision', attrs: { id: 'd-1' }, content: [text('We back the joint letter')] },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [cell('tableHeader', 'Organisation'), cell('tableHeader', 'Role | lead')],
        },
        { type: 'tableRow', content: [cell('tableCell', 'ALC'), cell('tableCell', 'Drafting')] },
      ],
    },
    { type: 'callout', content: [text('An unknown node keeps its text')] },
  ],
}

export const minutesInput: MinutesExportInput = {
  coalition: 'Ōtautahi Climate Coalition',
  meeting: { title: 'Planning day <in> Ōtautahi', date: '2026-12-01', status: 'draft' },
  minutes: minutesFixture,
  organisations: [
    { id: 'alc', name: 'Aotearoa Land Collective', shortName: 'ALC' },
    { id: 'cn', name: 'Climate Network', shortName: 'CN' },
    { id: 'owt', name: 'Ōtautahi Whānau Trust', shortName: 'ŌWT' },
  ],
  people: [{ id: 'p-aroha', name: 'Aroha Ngata' }],
  proposals: {
    'a-venue': { owners: ['alc'], assignee: 'p-aroha', due: '2026-12-11', dueText: 'Friday week' },
    // The node sets its own owners and dates: a proposal for it is never shown.
    'a-letter': { owners: ['owt'], assignee: null, due: '2027-01-01', dueText: 'New Year' },
  },
}
