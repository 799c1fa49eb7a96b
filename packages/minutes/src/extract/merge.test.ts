import { describe, expect, it } from 'vitest'
import { extract } from './index.ts'
import { context, markdownDoc } from './testing.ts'

const actions = (markdown: string) =>
  extract(markdownDoc(markdown), context).actions.map((a) => [a.owners.join('+'), a.text])

describe('one item once', () => {
  it('keeps one action said in the discussion and again in the actions table', () => {
    expect(
      actions(
        [
          'Shelter Point will draft the leaflet for the estate by Friday.',
          '',
          '| Action | Owner | Due |',
          '| --- | --- | --- |',
          '| Draft the leaflet for the estate | SP | 13 June |',
        ].join('\n'),
      ),
    ).toEqual([['sp', 'Draft the leaflet for the estate']])
  })

  it('keeps one action said loosely and then with its object', () => {
    expect(
      actions(
        'The council removed the tenants page. JA said that she would look into it. JA to look into why the tenants page was removed.',
      ),
    ).toEqual([['acr', 'look into why the tenants page was removed']])
  })

  it('keeps one action said barely and restated at once in an "Action:" line', () => {
    const doc = markdownDoc(
      [
        'Tenants’ open day on 2 May. SP will report back at the next meeting.',
        '',
        'Action: SP to feed back to the housing forum',
      ].join('\n'),
    )
    expect(extract(doc, context).actions).toMatchObject([
      {
        owners: ['sp'],
        text: 'feed back to the housing forum – Tenants’ open day on 2 May',
        dueText: 'the next meeting',
      },
    ])
    // Another owner's "Action:" line is another action.
    expect(
      actions(
        'Tenants’ open day on 2 May. SP will report back at the next meeting.\n\nAction: ACR to feed back to the housing forum',
      ),
    ).toHaveLength(2)
  })

  it('keeps two actions of one owner far apart, however their words overlap', () => {
    expect(
      actions(
        [
          'ACR will check the damp survey for its findings and send a one-page summary to tenants.',
          ...Array.from({ length: 5 }, (_, i) => `Item ${i + 1} was discussed.`),
          'ACR will send the summary of the rent figures.',
        ].join('\n\n'),
      ),
    ).toHaveLength(2)
  })

  it('joins a step that goes on from the action before it', () => {
    expect(
      actions('Li Wei: I will share the figures with the board – I will present them at the AGM.'),
    ).toEqual([['sp', 'share the figures with the board; present them at the AGM']])
  })
})
