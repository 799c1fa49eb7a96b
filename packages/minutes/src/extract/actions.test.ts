import { describe, expect, it } from 'vitest'
import { extract } from './index.ts'
import { context, markdownDoc, textDoc } from './testing.ts'

const actions = (markdown: string) =>
  extract(markdownDoc(markdown), context).actions.map((a) => ({
    owners: a.owners,
    text: a.text,
    due: a.due,
  }))

describe('actions', () => {
  it('reads "<owner> will / to / agreed to / offered to <verb>"', () => {
    expect(
      actions(
        [
          'SP will map empty homes on the estate by Friday.',
          'The Tenants Union agreed to host the next open evening.',
          'Ines offered to bring volunteers; ACR to book the hall for 2 July.',
          'Maya is going to chase the council.',
          'RFB said they would look into cold storage.',
        ].join('\n\n'),
      ),
    ).toEqual([
      { owners: ['sp'], text: 'map empty homes on the estate', due: '2025-06-13' },
      { owners: ['tur'], text: 'host the next open evening', due: null },
      { owners: ['rfb'], text: 'bring volunteers', due: null },
      { owners: ['acr'], text: 'book the hall', due: '2025-07-02' },
      { owners: ['tur'], text: 'chase the council', due: null },
      { owners: ['rfb'], text: 'look into cold storage', due: null },
    ])
  })

  it('gives each owner of a sentence their own action, and several owners one', () => {
    expect(actions('RFB will count parcels, and SP will write up the findings next week.')).toEqual(
      [
        { owners: ['rfb'], text: 'count parcels', due: null },
        { owners: ['sp'], text: 'write up the findings', due: '2025-06-17' },
      ],
    )
    expect(actions('TUR and ACR agreed to co-host a hustings.')[0]?.owners).toEqual(['tur', 'acr'])
  })

  it('reads requests to everyone as owed by ALL', () => {
    expect(
      actions(
        [
          'Please send photos of damp to Maya by the end of the month.',
          'Could members share the petition with their networks?',
          'Action: everyone to wear the campaign badge at the rally.',
        ].join('\n\n'),
      ),
    ).toEqual([
      { owners: ['ALL'], text: 'send photos of damp to Maya', due: '2025-06-30' },
      { owners: ['ALL'], text: 'share the petition with their networks', due: null },
      { owners: ['ALL'], text: 'wear the campaign badge at the rally', due: null },
    ])
  })

  it('flags owners it does not know, and keeps the action', () => {
    const [action] = extract(markdownDoc('Jordan will photocopy the agenda.'), context).actions
    expect(action).toMatchObject({
      owners: [],
      unknownOwners: ['Jordan'],
      text: 'photocopy the agenda',
    })
  })

  it('gives "Action:" lines without an owner the organisation of the section', () => {
    expect(actions('## Riverside Food Bank\n\nAction: publish the winter rota.')).toEqual([
      { owners: ['rfb'], text: 'publish the winter rota', due: null },
    ])
  })

  it('reads the rows of an actions table, and merges an action also told in prose', () => {
    const doc = markdownDoc(
      [
        'Shelter Point offered to draft the housing leaflet.',
        '',
        '| Task | Who | By when |',
        '| --- | --- | --- |',
        '| Draft the housing leaflet for the estate | SP | 20 June |',
        '| Survey older tenants | ACR | end of July |',
      ].join('\n'),
    )
    const found = extract(doc, context).actions
    expect(found.map((a) => [a.owners, a.text, a.due])).toEqual([
      [['sp'], 'Draft the housing leaflet for the estate', '2025-06-20'],
      [['acr'], 'Survey older tenants', '2025-07-31'],
    ])
    expect(found[0]?.reason).toMatch(/table row/)
  })

  it('takes a date from the sentence before when the action points back at it', () => {
    const doc = textDoc(
      'The new rent figures come out on 18 June. Please post them on the noticeboards when they arrive.',
    )
    expect(extract(doc, context).actions[0]).toMatchObject({ owners: ['ALL'], due: '2025-06-18' })
  })

  it('dates "<event> day" from the section that names the event', () => {
    const doc = markdownDoc(
      '## Council vote\n\nThe vote is scheduled for the 19th.\n\nAction: all members to tweet on vote day.',
    )
    expect(extract(doc, context).actions[0]).toMatchObject({
      due: '2025-06-19',
      dueText: 'vote day',
    })
  })

  it('uses the next meeting date the minutes give for "the next meeting"', () => {
    const doc = textDoc('ACR will present the survey at the next meeting.\nNext meeting: 8 July.')
    expect(extract(doc, context).actions[0]).toMatchObject({
      due: '2025-07-08',
      dueUnparsed: false,
    })
  })

  it('flags date words it cannot resolve', () => {
    const doc = textDoc('SP will brief the press before the Housing Summit.')
    expect(extract(doc, context).actions[0]).toMatchObject({ due: null, dueUnparsed: true })
  })

  it('ignores reports, plans of others and decisions', () => {
    expect(
      actions(
        [
          'The survey will be published in July.',
          'Maya reported that the council is reviewing rents.',
          'Decision: the coalition will campaign on damp.',
          'No action was agreed; SP to revisit later.',
        ].join('\n\n'),
      ),
    ).toEqual([])
  })
})
