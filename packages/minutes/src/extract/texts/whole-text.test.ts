import { describe, expect, it } from 'vitest'
import { extract } from '../index.ts'
import { context, markdownDoc } from '../testing.ts'

/** The words of each action, in order. */
const texts = (markdown: string) =>
  extract(markdownDoc(markdown), context).actions.map((a) => a.text)

describe('whole texts: an action reads on its own', () => {
  it('starts at the verb, in its base form and the minutes’ own spelling', () => {
    expect(
      texts(
        [
          'SP will be organising the hustings.',
          'Could everyone commit to including a tenant’s voice in every press release?',
        ].join('\n\n'),
      ),
    ).toEqual(['organise the hustings', 'include a tenant’s voice in every press release'])
  })

  it('turns a passive round and moves an object before "to" after the verb', () => {
    expect(
      texts(['The rota to be updated by RFB.', 'ACR has three case studies to add.'].join('\n\n')),
    ).toEqual(['update the rota', 'add three case studies'])
  })

  it('says what "it" stands for, from the sentence before', () => {
    expect(
      texts('The winter damp survey closes on Friday. Please share it with your members.'),
    ).toEqual(['share the winter damp survey with your members'])
  })

  it('says what "this" stands for after a discussion: what it was about', () => {
    expect(
      texts('Discussion followed on how to shorten the waiting list. SP will think about this.'),
    ).toEqual(['think about how to shorten the waiting list'])
  })

  it('names "this working group" as the heading does', () => {
    expect(
      texts('## Private Renters Working Group\n\nTUR will chair this working group from July.'),
    ).toEqual(['chair the Private Renters Working Group from July'])
  })

  it('adds what a bare "will follow up" answers, and stops before the speaker’s own verbs', () => {
    expect(
      texts(
        [
          'The landlord has not replied about the mould. SP will follow up.',
          'Maya requested for members to check the rota and thanked everyone.',
        ].join('\n\n'),
      ),
    ).toEqual(['follow up – The landlord has not replied about the mould', 'check the rota'])
  })

  it('counts no date words as what an action is about', () => {
    expect(
      texts('Item 4: the tenants’ open day on 2 May. SP will report back at the next meeting.'),
    ).toEqual(['report back – Item 4: the tenants’ open day on 2 May'])
  })
})
