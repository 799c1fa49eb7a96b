import { minutesSchema, type MinutesContent } from '@accord/minutes'
import type { LedgerAction, LedgerMeeting, LedgerOrganisation } from '@accord/minutes/ledger'
import { describe, expect, it } from 'vitest'
import { agenda, nextMeetingMinutes, ownerGroups } from './next-meeting.ts'

const organisations: LedgerOrganisation[] = [
  { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC' },
  { id: 'fpct', name: 'Fair Pay for Care Trust', shortName: 'FPCT' },
  { id: 'cnn', name: 'Carers Network Northshire', shortName: 'CNN' },
]

type JSONContent = MinutesContent['json']

let counter = 0
function action(fields: Partial<LedgerAction>): LedgerAction {
  counter += 1
  return {
    key: `a${counter}`,
    text: `Action ${counter}`,
    owners: [],
    unknownOwners: [],
    assignee: null,
    due: null,
    dueText: null,
    status: 'open',
    raisedIn: 'm1',
    heldIn: 'm1',
    meetingIds: ['m1'],
    carriedFrom: null,
    sourceText: `Action ${counter}`,
    updatedAt: '2025-03-04T10:00:00.000Z',
    editable: true,
    ...fields,
  }
}

function meeting(id: string, date: string): LedgerMeeting {
  return { id, title: `Meeting of ${date}`, date, status: 'draft' }
}

const heading = (level: number, ...content: JSONContent[]): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content,
})
const text = (value: string, marks?: { type: string }[]): JSONContent => ({
  type: 'text',
  text: value,
  marks,
})
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] })

describe('agenda', () => {
  it('keeps the top-level headings of levels 1 to 3 as plain text, in order', () => {
    const previous = {
      type: 'doc',
      content: [
        heading(1, text('Fortnightly call')),
        paragraph('Present: ALC, FPCT'),
        heading(2, text('Funding '), text('bid', [{ type: 'bold' }])),
        heading(4, text('A detail')),
        heading(2, text('Update from '), {
          type: 'organisationMention',
          attrs: { id: 'alc', label: 'ALC' },
        }),
        heading(3, text('   ')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('x')] }] },
        heading(3, text('Any other business')),
      ],
    }
    expect(agenda(previous)).toEqual([
      heading(1, text('Fortnightly call')),
      heading(2, text('Funding bid')),
      heading(2, text('Update from @ALC')),
      heading(3, text('Any other business')),
    ])
  })

  it('leaves out the previous "Matters arising" section, its sub-headings too', () => {
    const previous = {
      type: 'doc',
      content: [
        heading(2, text('Matters arising:')),
        heading(3, text('Association of Local Councils')),
        paragraph('old actions'),
        heading(3, text('No owner')),
        heading(2, text('Workforce')),
        heading(3, text('Recruitment')),
      ],
    }
    expect(agenda(previous)).toEqual([
      heading(2, text('Workforce')),
      heading(3, text('Recruitment')),
    ])
  })
})

describe('ownerGroups', () => {
  it('groups outstanding actions: everyone, each organisation, shared, no owner', () => {
    const actions = [
      action({ key: 'none', owners: [], unknownOwners: ['Council'] }),
      action({ key: 'cnn', owners: ['cnn'], status: 'in_progress' }),
      action({ key: 'shared', owners: ['fpct', 'alc'] }),
      action({ key: 'alc-1', owners: ['alc'] }),
      action({ key: 'all', owners: ['ALL'] }),
      action({ key: 'done', owners: ['alc'], status: 'done' }),
      action({ key: 'dropped', owners: ['fpct'], status: 'dropped' }),
      action({ key: 'alc-2', owners: ['alc'], status: 'in_progress' }),
      action({ key: 'three', owners: ['cnn', 'alc', 'fpct'] }),
      action({ key: 'gone', owners: ['removed-organisation'] }),
    ]
    const groups = ownerGroups({ organisations, actions })
    expect(groups.map((g) => [g.title, g.actions.map((a) => a.key)])).toEqual([
      ['All members', ['all']],
      ['Association of Local Councils', ['alc-1', 'alc-2']],
      ['Carers Network Northshire', ['cnn']],
      ['ALC and FPCT', ['shared']],
      ['ALC, FPCT and CNN', ['three']],
      ['No owner', ['none', 'gone']],
    ])
  })

  it('has no groups when nothing is outstanding', () => {
    const actions = [action({ owners: ['alc'], status: 'done' })]
    expect(ownerGroups({ organisations, actions })).toEqual([])
  })
})

describe('nextMeetingMinutes', () => {
  it('is the agenda, then "Matters arising" with the actions carried, ids and all', () => {
    const carried = action({
      key: 'action-1',
      text: 'Send the costed options to HM Treasury',
      owners: ['fpct'],
      assignee: 'person-1',
      due: '2025-03-14',
      dueText: 'next Friday',
      status: 'in_progress',
      raisedIn: 'm0',
      heldIn: 'm1',
      carriedFrom: 'm0',
    })
    const previous = { type: 'doc', content: [heading(2, text('Funding'))] }
    const minutes = nextMeetingMinutes(previous, {
      organisations,
      actions: [carried],
      meetings: [meeting('m0', '2025-03-04'), meeting('m1', '2025-03-11')],
    })
    expect(minutes).toEqual({
      type: 'doc',
      content: [
        heading(2, text('Funding')),
        heading(2, text('Matters arising')),
        heading(3, text('Fair Pay for Care Trust')),
        {
          type: 'actionItem',
          attrs: {
            id: 'action-1',
            owners: ['fpct'],
            assignee: 'person-1',
            due: '2025-03-14',
            dueText: 'next Friday',
            status: 'in_progress',
            // Where it is held now, not where it was first raised.
            carriedFrom: 'm1',
            // But its words were written where it was raised: "next Friday" is that one's.
            writtenOn: '2025-03-04',
          },
          content: [text('Send the costed options to HM Treasury')],
        },
      ],
    })
    // The minutes schema accepts it exactly as built.
    const node = minutesSchema().nodeFromJSON(minutes)
    node.check()
    expect(node.toJSON()).toEqual(minutes)
  })

  it('leaves unset the owners and date the ledger has only as proposed, to be read again', () => {
    const words = {
      text: 'FPCT to send the costed options by 14 March',
      owners: ['fpct'],
      assignee: 'person-1',
      due: '2025-03-14',
      dueText: 'by 14 March',
    }
    const attrsOf = (fields: Partial<LedgerAction>) => {
      const carried = action({ key: 'a', ...words, ...fields })
      const minutes = nextMeetingMinutes(
        { type: 'doc' },
        { organisations, actions: [carried], meetings: [] },
      )
      const node = minutes.content!.find((block) => block.type === 'actionItem')!
      const { owners, assignee, due, dueText } = node.attrs!
      return { owners, assignee, due, dueText }
    }
    // Read from the words, both: nothing written, as the node had nothing.
    expect(attrsOf({ ownersProposed: true, dueProposed: true })).toEqual({
      owners: [],
      assignee: null,
      due: null,
      dueText: null,
    })
    // Only the date read from the words: the owners set on the node are carried.
    expect(attrsOf({ ownersProposed: false, dueProposed: true })).toEqual({
      owners: ['fpct'],
      assignee: 'person-1',
      due: null,
      dueText: null,
    })
    expect(attrsOf({ ownersProposed: true })).toEqual({
      owners: [],
      assignee: null,
      due: '2025-03-14',
      dueText: 'by 14 March',
    })
    // A ledger from before the flags: everything as set.
    expect(attrsOf({})).toEqual({
      owners: ['fpct'],
      assignee: 'person-1',
      due: '2025-03-14',
      dueText: 'by 14 March',
    })
  })

  it('still has "Matters arising" from minutes with no headings and no open actions', () => {
    const minutes = nextMeetingMinutes(
      { type: 'doc', content: [paragraph('Notes')] },
      {
        organisations,
        actions: [],
        meetings: [],
      },
    )
    expect(minutes).toEqual({ type: 'doc', content: [heading(2, text('Matters arising'))] })
    minutesSchema().nodeFromJSON(minutes).check()
  })
})
