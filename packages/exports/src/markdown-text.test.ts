import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { escapeMarkdown, markdownCode } from './markdown-text.ts'

const markdown = new MarkdownIt({ html: true })

/** What a reader sees: the rendered text with tags removed and entities read. */
function shown(rendered: string): string {
  return rendered
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim()
}

describe('escapeMarkdown', () => {
  it('renders any one-line text as itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const line = text.replace(/[\r\n]/g, ' ').trim()
        fc.pre(line !== '')
        expect(shown(markdown.render(escapeMarkdown(line)))).toBe(line)
      }),
      { numRuns: 300 },
    )
  })

  it('opens no block at the start of a line', () => {
    for (const text of ['# heading', '> quote', '- item', '+ item', '1. item', '3) item', '===']) {
      expect(markdown.render(escapeMarkdown(text))).toBe(`<p>${text.replace('>', '&gt;')}</p>\n`)
    }
  })
})

describe('markdownCode', () => {
  it('fences code containing backticks', () => {
    expect(markdown.renderInline(markdownCode('a `b` c'))).toBe('<code>a `b` c</code>')
    expect(markdown.renderInline(markdownCode('`edge'))).toBe('<code>`edge</code>')
  })
})
