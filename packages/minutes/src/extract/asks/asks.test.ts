import { describe, expect, it } from 'vitest'
import { extract } from '../index.ts'
import { context, markdownDoc } from '../testing.ts'

const asks = (markdown: string) =>
  extract(markdownDoc(markdown), context).asks.map(({ text, target, supporters, status }) => ({
    text,
    target,
    supporters,
    status,
  }))

describe('asks', () => {
  it('reads a list of asks with their targets and supporters', () => {
    expect(
      asks(
        [
          '## Our asks',
          '',
          '- Ask of the Ministry of Housing: end no-fault evictions this year (backed by TUR, SP).',
          '- Ask of the housing minister: fund damp repairs in social homes.',
        ].join('\n'),
      ),
    ).toEqual([
      {
        text: 'end no-fault evictions this year',
        target: 'Ministry of Housing',
        supporters: ['tur', 'sp'],
        status: 'proposed',
      },
      {
        text: 'fund damp repairs in social homes',
        target: 'housing minister',
        supporters: [],
        status: 'proposed',
      },
    ])
  })

  it('reads calls on and letters to public bodies', () => {
    expect(
      asks(
        [
          'It was agreed to write to the Treasury asking for a rise in housing benefit.',
          'ACR proposed that we call on the Riverside City Council to freeze garage rents.',
        ].join('\n\n'),
      ),
    ).toEqual([
      {
        text: 'a rise in housing benefit',
        target: 'HM Treasury',
        supporters: [],
        status: 'agreed',
      },
      {
        text: 'freeze garage rents',
        target: 'Riverside City Council',
        supporters: ['acr'],
        status: 'proposed',
      },
    ])
  })

  it('reads "ask for" and "call for" and implies the target', () => {
    expect(
      asks(
        "Daniel will draft the coalition's ask for fully funded emergency repairs and share it.\n\nMaya asked that we call for a legal right to a dry home.",
      ),
    ).toEqual([
      {
        text: 'fully funded emergency repairs',
        target: 'HM Treasury',
        supporters: ['sp'],
        status: 'proposed',
      },
      {
        text: 'a legal right to a dry home',
        target: null,
        supporters: ['tur'],
        status: 'proposed',
      },
    ])
  })

  it('reads weak cues only when a public body or fiscal event is named', () => {
    expect(asks('RFB raised the need for better data sharing between members.')).toEqual([])
    expect(asks('RFB raised the need for hardship grants to be protected in the budget.')).toEqual([
      {
        text: 'hardship grants to be protected in the budget',
        target: 'HM Treasury',
        supporters: ['rfb'],
        status: 'proposed',
      },
    ])
  })

  it('does not take requests between members for asks', () => {
    expect(asks('SP will ask members to send in case studies.')).toEqual([])
  })

  it('reads asks of any body outside the coalition, and letters of concern', () => {
    expect(
      asks(
        [
          'We want Acme Water to publish its leak data every month.',
          'Write to the Harbour Trust to express our concern at the closure of the night shelter.',
          'Members should urge the Scrutiny Panel to hold its hearings in the evening.',
        ].join('\n\n'),
      ).map(({ text, target }) => ({ text, target })),
    ).toEqual([
      { text: 'publish its leak data every month', target: 'Acme Water' },
      { text: 'the closure of the night shelter', target: 'Harbour Trust' },
      { text: 'hold its hearings in the evening', target: 'Scrutiny Panel' },
    ])
  })

  it('reads campaigns and petitions for something as asks', () => {
    expect(
      asks('TUR launched a petition for a ban on no-fault evictions.').map((a) => a.text),
    ).toEqual(['a ban on no-fault evictions'])
  })

  it('names a body by the longer name the paragraph gives it', () => {
    const [ask] = asks(
      'The Riverside Housing Review Panel sits on 3 July. TUR should ask the Panel to publish its papers a week ahead.',
    )
    expect(ask?.target).toBe('Riverside Housing Review Panel')
  })
})
