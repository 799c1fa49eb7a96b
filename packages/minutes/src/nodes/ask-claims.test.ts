import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ASK_REFUSALS,
  askChangeRefusal,
  NEW_ASK_CLAIMS,
  permittedAskClaims,
  type AskClaims,
} from './ask-claims.ts'

const member = { mayMoveAsks: false, organisationId: 'cnn' }
const chair = { mayMoveAsks: true, organisationId: 'alc' }
const agreed: AskClaims = { status: 'agreed', supporters: ['alc', 'fpct'] }

describe('askChangeRefusal', () => {
  it('refuses a member moving an ask to another status, either way', () => {
    expect(askChangeRefusal(agreed, { ...agreed, status: 'sent' }, member)).toBe(
      ASK_REFUSALS.status,
    )
    expect(askChangeRefusal(agreed, { ...agreed, status: 'proposed' }, member)).toBe(
      ASK_REFUSALS.status,
    )
  })

  it('refuses a member backing an ask for, or taking it from, another organisation', () => {
    const refused = (supporters: unknown) =>
      askChangeRefusal(agreed, { ...agreed, supporters }, member)
    expect(refused(['alc', 'fpct', 'cnn', 'tuc'])).toBe(ASK_REFUSALS.supporters)
    expect(refused(['alc'])).toBe(ASK_REFUSALS.supporters)
    expect(refused([])).toBe(ASK_REFUSALS.supporters)
    expect(refused('alc,fpct,cnn')).toBe(ASK_REFUSALS.supportersShape)
    expect(refused(['alc', 'fpct', { id: 'cnn' }])).toBe(ASK_REFUSALS.supportersShape)
  })

  it('lets a member back an ask for their own organisation and take that back, in any order', () => {
    expect(
      askChangeRefusal(agreed, { ...agreed, supporters: ['cnn', 'fpct', 'alc'] }, member),
    ).toBeUndefined()
    const backed = { ...agreed, supporters: ['alc', 'cnn', 'fpct'] }
    expect(askChangeRefusal(backed, agreed, member)).toBeUndefined()
  })

  it('takes values rewritten unchanged as no change', () => {
    expect(askChangeRefusal(agreed, { ...agreed }, member)).toBeUndefined()
    // The node's default status is what an ask without one holds.
    const bare = { status: undefined, supporters: undefined }
    expect(askChangeRefusal(bare, NEW_ASK_CLAIMS, member)).toBeUndefined()
    expect(askChangeRefusal(NEW_ASK_CLAIMS, bare, member)).toBeUndefined()
  })

  it('keeps a member without an organisation from changing the supporters at all', () => {
    const nobody = { mayMoveAsks: false, organisationId: null }
    expect(askChangeRefusal(agreed, { ...agreed, supporters: ['alc'] }, nobody)).toBe(
      ASK_REFUSALS.supporters,
    )
  })

  it('lets a chair or the secretariat set any status and record any backing', () => {
    const sent = { status: 'sent', supporters: ['alc', 'fpct', 'cnn', 'tuc'] }
    expect(askChangeRefusal(agreed, sent, chair)).toBeUndefined()
  })
})

describe('permittedAskClaims', () => {
  it('keeps the status and the other organisations, and the writer’s own as asked', () => {
    const wanted = { status: 'sent', supporters: ['tuc', 'cnn'] }
    expect(permittedAskClaims(agreed, wanted, member)).toEqual({
      status: 'agreed',
      supporters: ['alc', 'fpct', 'cnn'],
    })
    expect(permittedAskClaims(NEW_ASK_CLAIMS, wanted, member)).toEqual({
      status: 'proposed',
      supporters: ['cnn'],
    })
    expect(permittedAskClaims(wanted, agreed, member)).toEqual({
      status: 'sent',
      supporters: ['tuc'],
    })
  })

  it('is always a change the rules allow, and the change itself when they allow it', () => {
    const status = fc.constantFrom(undefined, 'proposed', 'agreed', 'sent')
    const supporters = fc.array(fc.constantFrom('alc', 'fpct', 'cnn', 'tuc'), { maxLength: 5 })
    const claims = fc.record({ status, supporters })
    const writer = fc.record({
      mayMoveAsks: fc.boolean(),
      organisationId: fc.constantFrom(null, 'cnn', 'tuc'),
    })
    fc.assert(
      fc.property(claims, claims, writer, (before, after, who) => {
        const permitted = permittedAskClaims(before, after, who)
        expect(askChangeRefusal(before, permitted, who)).toBeUndefined()
        if (askChangeRefusal(before, after, who) === undefined) {
          expect(new Set(permitted.supporters)).toEqual(new Set(after.supporters))
        }
      }),
    )
  })
})
