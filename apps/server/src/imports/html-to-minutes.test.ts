import { minutesSchema } from '@accord/minutes'
import { describe, expect, it } from 'vitest'
import { htmlToMinutes, type MinutesJson } from './html-to-minutes.ts'

/** The document's text, one line per top-level block, as the schema reads it. */
function lines(json: MinutesJson): string[] {
  const node = minutesSchema().nodeFromJSON(json)
  node.check()
  return node.textBetween(0, node.content.size, '\n').split('\n')
}

describe('htmlToMinutes', () => {
  it('reads what mammoth writes for a Word document', () => {
    const html =
      '<h1>Pay campaign</h1><p><strong>Agreed:</strong> write to the <em>Treasury</em>.</p>' +
      '<ul><li>First<ul><li>Nested</li></ul></li><li>Second</li></ul><ol start="3"><li>Third</li></ol>' +
      '<table><thead><tr><th><p>Who</p></th><th><p>What</p></th></tr></thead>' +
      '<tbody><tr><td><p>FPCT</p></td><td><p>Draft</p><p>by Friday</p></td></tr>' +
      '<tr><td></td><td><p>Only one cell</p></td></tr></tbody></table>'
    const doc = htmlToMinutes(html)
    expect(doc.content?.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'bulletList',
      'orderedList',
      'paragraph',
      'paragraph',
      'paragraph',
    ])
    expect(doc.content?.[3]?.attrs).toEqual({ start: 3 })
    expect(lines(doc)).toEqual([
      'Pay campaign',
      'Agreed: write to the Treasury.',
      'First',
      'Nested',
      'Second',
      'Third',
      'Who – What',
      'FPCT – Draft by Friday',
      'Only one cell',
    ])
    expect(doc.content?.[1]?.content?.[0]).toEqual({
      type: 'text',
      text: 'Agreed:',
      marks: [{ type: 'bold' }],
    })
    // The header row is bold throughout, separators included, as importMinutes makes it.
    expect(doc.content?.[4]?.content).toEqual([
      { type: 'text', text: 'Who – What', marks: [{ type: 'bold' }] },
    ])
  })

  it('keeps text, never markup or scripts, and only safe links', () => {
    const doc = htmlToMinutes(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href="javascript:alert(1)">bad</a> ' +
        '<a href="https://example.org">good</a><img src="x" alt="a chart" onerror="alert(1)"></p>' +
        '<script>alert(2)</script><style>p { color: red }</style>',
    )
    expect(lines(doc)).toEqual(['<script>alert(1)</script> bad gooda chart'])
    const marked = doc.content?.[0]?.content?.filter((node) => node.marks)
    expect(marked).toEqual([
      {
        type: 'text',
        text: 'good',
        marks: [{ type: 'link', attrs: expect.objectContaining({ href: 'https://example.org' }) }],
      },
    ])
  })

  it('collapses whitespace and line breaks as a browser would', () => {
    const doc = htmlToMinutes('<p>  one\n  two <strong> three </strong> four<br/>  five </p>')
    expect(doc.content?.[0]?.content?.map((node) => node.text ?? node.type)).toEqual([
      'one two ',
      'three ',
      'four',
      'hardBreak',
      'five',
    ])
  })

  it('gives an empty paragraph for nothing at all, as importMinutes does', () => {
    expect(htmlToMinutes('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
    expect(htmlToMinutes('<p> </p><ul></ul>').content).toEqual([{ type: 'paragraph' }])
  })
})
