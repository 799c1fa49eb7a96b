import { describe, expect, it } from 'vitest'
import { extract } from '../index.ts'
import { context, markdownDoc, textDoc } from '../testing.ts'

/** The strong actions of some minutes, as owners, words and due date. */
function actions(source: string, format: 'markdown' | 'text' = 'markdown') {
  const doc = format === 'markdown' ? markdownDoc(source) : textDoc(source)
  return extract(doc, context)
    .actions.filter((a) => a.confidence >= 0.6)
    .map((a) => ({ owners: a.owners, text: a.text, due: a.due }))
}

describe('commitments in the forms real minutes use', () => {
  it('reads will, would, shall, progressive and headline forms', () => {
    expect(
      actions(
        [
          'ACTION: DO to circulate the draft by Friday.',
          'It was agreed that Shelter Point would map empty homes on the estate.',
          'JA will be drafting the response to the consultation.',
          'Maya shall chair the next open evening.',
        ].join('\n\n'),
      ),
    ).toEqual([
      { owners: ['sp'], text: 'circulate the draft', due: '2025-06-13' },
      { owners: ['sp'], text: 'map empty homes on the estate', due: null },
      { owners: ['acr'], text: 'draft the response to the consultation', due: null },
      { owners: ['tur'], text: 'chair the next open evening', due: null },
    ])
  })

  it('reads agreed, offered, volunteered and undertook, and passive ones with their agent', () => {
    expect(
      actions(
        [
          'Ines volunteered to collect the donated coats.',
          'ACR undertook to write to the landlords.',
          'The tenancy guide to be updated by TUR before the summer.',
          'The damp survey will be analysed by Shelter Point.',
        ].join('\n\n'),
      ).map((a) => [a.owners, a.text]),
    ).toEqual([
      [['rfb'], 'collect the donated coats'],
      [['acr'], 'write to the landlords'],
      [['tur'], 'update the tenancy guide before the summer'],
      [['sp'], 'analyse the damp survey'],
    ])
  })

  it('gives the whole coalition what is agreed with no owner, asked of everyone, or needed', () => {
    expect(
      actions(
        [
          'It was agreed that:',
          '',
          '- a briefing be prepared for councillors',
          '',
          'Could everyone commit to sharing the petition?',
          '',
          'Each partner would promote the winter survey.',
          '',
          'A joint approach is needed to tackle damp in private lets.',
        ].join('\n'),
      ),
    ).toEqual([
      { owners: ['ALL'], text: 'prepare a briefing for councillors', due: null },
      { owners: ['ALL'], text: 'share the petition', due: null },
      { owners: ['ALL'], text: 'promote the winter survey', due: null },
      { owners: ['ALL'], text: 'tackle damp in private lets', due: null },
    ])
  })

  it('reads a request that a member do something as that member’s action', () => {
    expect(
      actions('Members asked that Shelter Point share the weekly figures with the forum.').map(
        (a) => [a.owners, a.text],
      ),
    ).toEqual([[['sp'], 'share the weekly figures with the forum']])
  })

  it('reads hedged offers and possession as the named organisation’s', () => {
    expect(
      actions(
        [
          'This might be one for RFB to pick up – a short guide for volunteers.',
          'ACR has case studies to add.',
        ].join('\n\n'),
      ).map((a) => [a.owners, a.text]),
    ).toEqual([
      [['rfb'], 'pick up – a short guide for volunteers'],
      [['acr'], 'add case studies'],
    ])
  })

  it('reads speakers, dashes and pronouns as the people they name', () => {
    expect(
      actions(
        [
          'Maya: will bring the petition to the council.',
          'Daniel - send the rota to the board.',
          'Li Wei said that she would check the rent figures.',
          'Joan Ashby and Ines to draft the joint letter.',
        ].join('\n\n'),
      ).map((a) => [a.owners, a.text]),
    ).toEqual([
      [['tur'], 'bring the petition to the council'],
      [['sp'], 'send the rota to the board'],
      [['sp'], 'check the rent figures'],
      [['acr', 'rfb'], 'draft the joint letter'],
    ])
  })

  it('reads one’s own work in hand as a commitment, another’s dated plans as a weak one', () => {
    const source = [
      'Li Wei: we’re moving the guide to the new website this month.',
      'Maya reported that the council is reviewing rents.',
      'ACR is hosting a stall at the fair on 20 June.',
    ].join('\n\n')
    expect(actions(source).map((a) => [a.owners, a.text])).toEqual([
      [['sp'], 'move the guide to the new website'],
    ])
    const all = extract(markdownDoc(source), context).actions
    expect(all.map((a) => [a.owners, a.confidence < 0.6])).toEqual([
      [['sp'], false],
      [['acr'], true],
    ])
  })

  it('reads "name, then a bare verb" in an actions list', () => {
    expect(
      actions(
        ['## Action items', '', '- JA finish the rota', '- LW to book the hall'].join('\n'),
      ).map((a) => [a.owners, a.text]),
    ).toEqual([
      [['acr'], 'finish the rota'],
      [['sp'], 'book the hall'],
    ])
  })

  it('keeps what a bare action answers: "will follow up" after what it follows up', () => {
    const [action] = actions(
      'The council wrote to tenants about the rent rise. SP had not seen the letter and will follow up.',
    )
    expect(action?.owners).toEqual(['sp'])
    expect(action?.text).toMatch(/^follow up – .*rent rise/)
  })

  it('reads action logs: a label, its text, and Owner and Due lines after it', () => {
    expect(
      actions(
        ['Action Point 3', 'Review the hardship fund criteria.', 'Owner: JA', 'Due: 20 June'].join(
          '\n\n',
        ),
        'text',
      ),
    ).toEqual([{ owners: ['acr'], text: 'review the hardship fund criteria', due: '2025-06-20' }])
  })

  it('reads an action log table with its status column, and an "ACTION: DO" line after a need', () => {
    const doc = textDoc(
      [
        'No. | Action | Owner | Deadline | Status',
        '1 | Circulate the draft safeguarding policy | LW | 30 May | Complete',
        '2 | Contact the council about respite funding | JA | 20 June | In progress',
        '',
        'The reserves policy needs updating before the AGM.',
        'ACTION: DO',
      ].join('\n'),
    )
    expect(extract(doc, context).actions.map((a) => [a.owners, a.text, a.due, a.status])).toEqual([
      [['sp'], 'update the reserves policy', null, 'open'],
      [['sp'], 'Circulate the draft safeguarding policy', '2025-05-30', 'done'],
      [['acr'], 'Contact the council about respite funding', '2025-06-20', 'in_progress'],
    ])
  })

  it('gives a sentence to the owner an "[Action: …]" after it names', () => {
    expect(
      actions('A paper on rent arrears to be brought to the next meeting. [Action: JA]').map(
        (a) => a.owners,
      ),
    ).toEqual([['acr']])
  })

  it('reads "I’m drafting …" in a speaker’s turn as their own work', () => {
    expect(actions('Daniel: I’m drafting the winter leaflet for the estate.')).toEqual([
      { owners: ['sp'], text: 'draft the winter leaflet for the estate', due: null },
    ])
  })

  it('reads "will have …" as providing something, "will have to …" as what it says', () => {
    expect(
      actions(
        [
          'SP will have the rota ready by Friday.',
          'ACR will have to renew the lease.',
          'RFB will have finished the audit.',
        ].join('\n\n'),
      ),
    ).toEqual([
      { owners: ['sp'], text: 'have the rota ready', due: '2025-06-13' },
      { owners: ['acr'], text: 'renew the lease', due: null },
    ])
  })

  it('reads an "if" that asks a question as no condition', () => {
    expect(
      actions('Agreed that we need to ask the landlords to find out if they will fund repairs.'),
    ).toEqual([
      {
        owners: ['ALL'],
        text: 'ask the landlords to find out if they will fund repairs',
        due: null,
      },
    ])
  })

  it('does not read reports, wishes, refusals, conditions or others’ plans as commitments', () => {
    expect(
      actions(
        [
          'The survey will be published in July.',
          'Maya would love to see more volunteers.',
          'SP will not attend the hustings.',
          'If RFB has space, they will host the stall.',
          'Partners took the chance to comment on the leaflet.',
          'The new portal will go live within the next few weeks.',
          'Ines mentioned that the council is reviewing rents next month.',
          'Tenants ask for plain words, e.g. “SP will fix the boiler by Friday” rather than codes.',
        ].join('\n\n'),
      ),
    ).toEqual([])
  })
})
