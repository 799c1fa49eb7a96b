import { describe, expect, it } from 'vitest'
import { jointLetterOf } from './joint-letter.ts'
import { jointLetterDocx } from './joint-letter-docx.ts'
import { jointLetterMarkdown } from './joint-letter-markdown.ts'
import { docxText } from './testing/read-docx.ts'
import { ledgerFixture } from './testing/ledger-fixture.ts'

describe('jointLetterOf', () => {
  const ledger = ledgerFixture()

  it('takes the agreed and sent asks, signed by exactly the union of those who endorsed them', () => {
    const letter = jointLetterOf(ledger)
    expect(letter.asks.map((ask) => ask.key)).toEqual(['ask-impact', 'ask-fares'])
    const supporters = new Set(letter.asks.flatMap((ask) => ask.supporters.map((org) => org.id)))
    expect(letter.signatories.map((org) => org.id)).toEqual(
      ledger.organisations.filter((org) => supporters.has(org.id)).map((org) => org.id),
    )
    expect(letter.signatories.map((org) => org.id)).toEqual(['alc', 'cn', 'owt'])
    // TUC endorsed the fares ask and then withdrew: it does not sign.
    expect(letter.signatories.map((org) => org.id)).not.toContain('tuc')
    expect(letter.targets).toEqual(['Environment Canterbury'])
    expect(letter.asks[1]!.supporters.map((org) => org.shortName)).toEqual(['CN', 'ŌWT'])
  })

  it('takes exactly the asks chosen by key, whatever their status', () => {
    const letter = jointLetterOf(ledger, { keys: ['ask-housing'] })
    expect(letter.targets).toEqual(['Minister of Housing'])
  })

  it('is signed by those who endorsed, never by everyone the minutes name', () => {
    const named = ledger.organisations.map((org) => org.id)
    const fares = ledger.asks.find((ask) => ask.key === 'ask-fares')!
    const letter = jointLetterOf(
      { ...ledger, asks: [{ ...fares, supporters: named, endorsedBy: ['owt'] }] },
      { keys: ['ask-fares'] },
    )
    expect(letter.signatories.map((org) => org.id)).toEqual(['owt'])
    expect(letter.asks[0]!.supporters.map((org) => org.id)).toEqual(['owt'])
    // TUC is named in the minutes of the housing ask and never endorsed it.
    expect(jointLetterOf(ledger, { keys: ['ask-housing'] }).signatories).toEqual([])
  })

  it('narrows to one target', () => {
    const letter = jointLetterOf(ledger, { target: ' environment canterbury ' })
    expect(letter.asks).toHaveLength(2)
    expect(() => jointLetterOf(ledger, { target: 'Minister of Housing' })).toThrow(
      'No agreed or sent asks of "Minister of Housing" for a joint letter',
    )
  })

  it('refuses unknown keys and empty letters', () => {
    expect(() => jointLetterOf(ledger, { keys: ['ask-impact', 'nope'] })).toThrow(
      'No ask with key "nope"',
    )
    expect(() => jointLetterOf(ledger, { keys: [] })).toThrow('Choose at least one ask')
    expect(() => jointLetterOf({ ...ledger, asks: [] })).toThrow('No agreed or sent asks')
  })
})

describe('the joint letter as a document', () => {
  const letter = jointLetterOf(ledgerFixture(), { date: '2026-12-05' })

  it('reads as a letter in Markdown', () => {
    const markdown = jointLetterMarkdown(letter)
    expect(markdown).toContain('**To:** Environment Canterbury')
    expect(markdown).toContain('**From:** Ōtautahi Climate Coalition')
    expect(markdown).toContain('**Date:** 5 Dec 2026')
    expect(markdown).toContain(
      '1. Publish the regional climate impact assessment\n2. Fund free bus fares for under-25s',
    )
    expect(markdown).toMatch(
      /Signed by:\n\n- Aotearoa Land Collective\n- Climate Network\n- Ōtautahi Whānau Trust\n$/,
    )
  })

  it('says so when nobody has endorsed the asks, rather than look signed', async () => {
    const unsigned = jointLetterOf(ledgerFixture(), { keys: ['ask-housing'] })
    expect(jointLetterMarkdown(unsigned)).toMatch(
      /Signed by:\n\nNo organisation has endorsed these asks in Accord yet: [^\n]+\n$/,
    )
    expect(await docxText(await jointLetterDocx(unsigned))).toContain(
      'Signed by\nNo organisation has endorsed these asks in Accord yet',
    )
  })

  it('reads as a letter in Word', async () => {
    const text = await docxText(await jointLetterDocx(letter))
    expect(text).toContain('To: Environment Canterbury\nFrom: Ōtautahi Climate Coalition')
    expect(text).toContain('Date: 5 Dec 2026')
    for (const ask of letter.asks) expect(text).toContain(ask.text)
    expect(text).toContain(
      'Signed by\nAotearoa Land Collective\nClimate Network\nŌtautahi Whānau Trust',
    )
  })
})
