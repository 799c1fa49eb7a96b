import { readFileSync } from 'node:fs'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  importMinutes,
  importMinutesToUpdate,
  minutesToUpdate,
  type MinutesFormat,
} from './import-minutes.ts'
import { DISMISSED_FIELD, minutesSchema, readMinutes } from './index.ts'

// The project's sample minutes, as bundled with the server's demo coalition.
const samplesDir = new URL('../../../apps/server/src/demo/samples/', import.meta.url)
const sample = (file: string) => readFileSync(new URL(file, samplesDir), 'utf8')

const samples: { file: string; format: MinutesFormat }[] = [
  { file: 'fortnightly-call.md', format: 'markdown' },
  { file: 'pay-campaign.txt', format: 'text' },
  { file: 'reform-alliance.md', format: 'markdown' },
]

/** Every node of a document, depth first. */
function nodes(node: JSONContent): JSONContent[] {
  return [node, ...(node.content ?? []).flatMap(nodes)]
}

/** The text of a node, as ProseMirror would read it. */
function text(node: JSONContent): string {
  return nodes(node)
    .map((child) => child.text ?? '')
    .join('')
}

function blocks(doc: JSONContent, type: string): string[] {
  return (doc.content ?? []).filter((node) => node.type === type).map(text)
}

function readBack(update: Uint8Array) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return readMinutes(doc)
}

describe('importMinutes', () => {
  it.each(samples)('imports $file into a document the schema accepts', ({ file, format }) => {
    const doc = importMinutes(sample(file), format)
    expect(doc.type).toBe('doc')
    expect(() => minutesSchema().nodeFromJSON(doc).check()).not.toThrow()
    expect(doc.content?.length).toBeGreaterThan(5)
  })

  it('reads the fortnightly call: a title, a heading per section, prose under each', () => {
    const doc = importMinutes(sample('fortnightly-call.md'), 'markdown')
    expect(doc.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } })
    expect(blocks(doc, 'heading')).toEqual([
      'Northshire Care Coalition – fortnightly call',
      'Spring budget',
      'ALC',
      'Fair Pay for Care Trust',
      'Home Care Providers Forum',
      'Carers Network',
      'Any other business',
    ])
    expect(blocks(doc, 'paragraph')).toContain(
      'ALC will analyse the budget for its impact on council adult social care budgets and circulate a two-page summary to members by Friday 28 March.',
    )
    expect(blocks(doc, 'paragraph')).toContain(
      'Action: all members to use the shared hashtag #CareCantWait on budget day.',
    )
  })

  it('reads the reform alliance: bold labels, the actions table as rows, the asks as a list', () => {
    const doc = importMinutes(sample('reform-alliance.md'), 'markdown')
    const paragraphs = (doc.content ?? []).filter((node) => node.type === 'paragraph')

    // Soft line breaks are spaces, as in any Markdown renderer; the labels keep their bold.
    expect(text(paragraphs[0]!)).toBe(
      'Date: 21 January 2025 Chair: PSW Network Attending: PSWN, DPV, ALC, Carers Network, Residential Care Alliance',
    )
    expect(paragraphs[0]!.content?.[0]).toEqual({
      type: 'text',
      text: 'Date:',
      marks: [{ type: 'bold' }],
    })

    // One paragraph per table row, cells joined by an en dash, the header row in bold.
    const header = paragraphs.find((node) => text(node) === 'Action – Owner – Due')
    expect(header?.content?.every((node) => node.marks?.some((m) => m.type === 'bold'))).toBe(true)
    expect(blocks(doc, 'paragraph')).toEqual(
      expect.arrayContaining([
        'Request a meeting with the care minister on behalf of the alliance – PSWN – 31 January',
        'Draft the case-study pack on crisis houses – ALC – end of February',
        "Circulate the alliance's position paper to all members for comment – PSWN – next week",
      ]),
    )
    expect(blocks(doc, 'heading')).toContain("2. The Bill's second reading")

    const asks = doc.content?.at(-1)
    expect(asks?.type).toBe('bulletList')
    expect(asks?.content?.map(text)).toEqual([
      'Ask of the Department of Health and Social Care: invest in community crisis alternatives so that fewer people are detained (supported by PSWN, DPV, ALC, Carers Network).',
      'Ask of the care minister: guarantee that people with lived experience are involved in drafting the Code of Practice (supported by DPV, PSWN).',
    ])
  })

  it('reads the pasted pay campaign email line by line', () => {
    const doc = importMinutes(sample('pay-campaign.txt'), 'text')
    expect(blocks(doc, 'heading')).toEqual([])
    const paragraphs = blocks(doc, 'paragraph')
    expect(paragraphs[0]).toBe('Care Workforce Pay Campaign - notes of meeting 12 November 2024')
    expect(paragraphs).toContain('Pay settlement')
    expect(paragraphs).toContain(
      "Vote For Care suggested we also ask all three local MPs to spend a shift with a home care worker before Christmas. People liked the idea; VFC to contact the MPs' offices.",
    )
    expect(paragraphs.at(-1)).toBe('Next meeting: 26 November.')
  })

  it('reads plain text: blank lines between blocks, "- " and "* " as bullets, wrapped lines joined', () => {
    const doc = importMinutes(
      'Actions\r\n- Owen to circulate\n  the summary\n* Grace to draft\n\nThe survey will be\npublished on Monday.\nNext call: 18 March\n\n\n',
      'text',
    )
    expect(doc.content?.map((node) => node.type)).toEqual([
      'paragraph',
      'bulletList',
      'paragraph',
      'paragraph',
    ])
    expect([0, 2, 3].map((i) => text(doc.content![i]!))).toEqual([
      'Actions',
      'The survey will be published on Monday.',
      'Next call: 18 March',
    ])
    expect(doc.content?.[1]?.content?.map(text)).toEqual([
      'Owen to circulate the summary',
      'Grace to draft',
    ])
  })

  it('maps Markdown marks, lists, quotes, code and rules onto the schema', () => {
    const doc = importMinutes(
      [
        '## Pay',
        '',
        '**Bold**, *italic*, ~~struck~~, `code`, [a link](https://example.org) and ***both***.',
        '',
        '3. third',
        '4. fourth',
        '',
        '> quoted',
        '',
        '```text',
        'verbatim',
        '```',
        '',
        '---',
        '',
        'line\\',
        'break',
      ].join('\n'),
      'markdown',
    )
    expect(doc.content?.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'orderedList',
      'blockquote',
      'codeBlock',
      'horizontalRule',
      'paragraph',
    ])
    const marks = (doc.content?.[1]?.content ?? []).map((node) => [
      node.text,
      (node.marks ?? []).map((mark) => mark.type),
    ])
    expect(marks).toEqual([
      ['Bold', ['bold']],
      [', ', []],
      ['italic', ['italic']],
      [', ', []],
      ['struck', ['strike']],
      [', ', []],
      ['code', ['code']],
      [', ', []],
      ['a link', ['link']],
      [' and ', []],
      ['both', ['bold', 'italic']],
      ['.', []],
    ])
    expect(doc.content?.[1]?.content?.[8]?.marks?.[0]?.attrs?.href).toBe('https://example.org')
    expect(doc.content?.[2]).toMatchObject({ type: 'orderedList', attrs: { start: 3 } })
    expect(doc.content?.[4]).toMatchObject({ attrs: { language: 'text' } })
    expect(text(doc.content![4]!)).toBe('verbatim')
    expect(doc.content?.[6]?.content?.map((node) => node.type)).toEqual([
      'text',
      'hardBreak',
      'text',
    ])
  })

  it('keeps malicious HTML as literal text, never as markup', () => {
    const source = [
      '<script>alert(1)</script>',
      '',
      'Photo: <img src=x onerror=alert(1)> and <a href="javascript:alert(2)">click</a>',
      '',
      '[click](javascript:alert(3)) ![x](javascript:alert(4))',
      '',
      '[safe](https://example.org/?q=<b>) ![logo <svg onload=alert(6)>](https://example.org/l.png)',
      '',
      '| <b onmouseover=alert(5)>cell</b> |',
      '| --- |',
      '| <iframe src=//evil> |',
    ].join('\n')
    const doc = importMinutes(source, 'markdown')
    const all = nodes(doc)
    expect(new Set(all.map((node) => node.type))).toEqual(new Set(['doc', 'paragraph', 'text']))
    // The only link is the http(s) one, its href URL-encoded by markdown-it.
    const links = all.flatMap((node) => node.marks ?? []).filter((mark) => mark.type === 'link')
    expect(links.map((mark) => mark.attrs?.href)).toEqual(['https://example.org/?q=%3Cb%3E'])
    expect((doc.content ?? []).map(text)).toEqual([
      '<script>alert(1)</script>',
      'Photo: <img src=x onerror=alert(1)> and <a href="javascript:alert(2)">click</a>',
      // markdown-it refuses javascript: links and images, so they stay as written.
      '[click](javascript:alert(3)) ![x](javascript:alert(4))',
      'safe logo <svg onload=alert(6)>',
      '<b onmouseover=alert(5)>cell</b>',
      '<iframe src=//evil>',
    ])
    // Plain text is never parsed as markup either.
    expect(text(importMinutes('<script>alert(1)</script>', 'text'))).toBe(
      '<script>alert(1)</script>',
    )
  })

  it('imports empty minutes as an empty paragraph', () => {
    for (const format of ['markdown', 'text'] as const) {
      expect(importMinutes('  \n\n', format)).toEqual({
        type: 'doc',
        content: [{ type: 'paragraph' }],
      })
    }
  })
})

describe('importMinutesToUpdate', () => {
  it.each(samples)('round-trips $file through a Y.Doc unchanged', ({ file, format }) => {
    const json = importMinutes(sample(file), format)
    const read = readBack(importMinutesToUpdate(sample(file), format))
    expect(read.json).toEqual(json)
    const node = minutesSchema().nodeFromJSON(json)
    expect(read.text).toBe(node.textBetween(0, node.content.size, '\n'))
  })

  it('gives readMinutes the sample text, one line per block', () => {
    const read = readBack(importMinutesToUpdate(sample('pay-campaign.txt'), 'text'))
    // The email has no blank lines inside its sections, so the text reads back line for line.
    const lines = sample('pay-campaign.txt')
      .split('\n')
      .filter((line) => line.trim() !== '')
    expect(read.text.split('\n')).toEqual(lines)

    const call = readBack(importMinutesToUpdate(sample('fortnightly-call.md'), 'markdown'))
    expect(call.text).toContain(
      'ALC will analyse the budget for its impact on council adult social care budgets',
    )
    expect(call.text.split('\n')[0]).toBe('Northshire Care Coalition – fortnightly call')
  })
})

describe('minutesToUpdate', () => {
  it('stores a minutes document from another importer as it is', () => {
    const minutes: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Actions' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'FPCT to draft the letter.' }] },
      ],
    }
    expect(readBack(minutesToUpdate(minutes)).text).toBe('Actions\nFPCT to draft the letter.')
  })

  it('keeps the suggestions already dismissed beside the minutes', () => {
    const minutes: JSONContent = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Maybe FPCT could help.' }] }],
    }
    const doc = new Y.Doc()
    Y.applyUpdate(
      doc,
      minutesToUpdate(minutes, { dismissed: { 'action-abc': '2025-03-04T10:00:00.000Z' } }),
    )
    expect(doc.getMap(DISMISSED_FIELD).toJSON()).toEqual({
      'action-abc': '2025-03-04T10:00:00.000Z',
    })
  })

  it('refuses a document the minutes schema does not allow', () => {
    expect(() => minutesToUpdate({ type: 'doc', content: [{ type: 'table' }] })).toThrow()
    expect(() =>
      minutesToUpdate({ type: 'doc', content: [{ type: 'bulletList', content: [] }] }),
    ).toThrow()
  })
})
