import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { minutesDocx } from './minutes-docx.ts'
import { docxText } from './testing/read-docx.ts'
import { minutesInput } from './testing/minutes-fixture.ts'

describe('minutesDocx', () => {
  it('holds the header, headings, prose and labelled items', async () => {
    const text = await docxText(await minutesDocx(minutesInput))
    expect(text).toContain(
      'Ōtautahi Climate Coalition\nPlanning day <in> Ōtautahi\n1 Dec 2026 · Draft',
    )
    expect(text).toContain('Apologies & welcome')
    expect(text).toContain('Matters arising')
    expect(text).toContain('<script>alert("minutes")</script>')
    expect(text).toContain('First line\nSecond line')
    expect(text).toContain(
      'Action (ALC, CN; Aroha Ngata; due 12 Dec 2026; open; carried over): ALC and CN to circulate the joint letter',
    )
    expect(text).toContain(
      'Ask of Environment Canterbury (supported by ALC, ŌWT; agreed): Publish the impact assessment',
    )
    expect(text).toContain(
      'Action (ALC (proposed); Aroha Ngata (proposed); due 11 Dec 2026 (proposed); open): ALC to book the venue by Friday week',
    )
    expect(text).toContain('Action (no owner; open): Someone to think about catering')
    expect(text).toContain('Decision: We back the joint letter')
    expect(text).toContain('Organisation\nRole | lead\nALC\nDrafting')
    expect(text).toContain('An unknown node keeps its text')
  })

  it('uses Word headings, lists and links, and drops unsafe links', async () => {
    const zip = await JSZip.loadAsync(await minutesDocx(minutesInput))
    const xml = await zip.file('word/document.xml')!.async('string')
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>')
    expect(xml).toContain('<w:numPr>')
    expect(rels).toContain('https://example.org/plan?a=1&amp;b=2')
    expect(rels).toContain('mailto:hello@example.org')
    expect(`${xml}${rels}`).not.toContain('javascript:')
  })
})
