import { describe, expect, it } from 'vitest'
import { minutesHtml } from './minutes-html.ts'
import { minutesInput } from './testing/minutes-fixture.ts'

describe('minutesHtml', () => {
  const html = minutesHtml(minutesInput)

  it('is one page with a print stylesheet and nothing to run or fetch', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).toContain('@media print')
    expect(html).toContain('@page { size: A4;')
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
  })

  it('escapes every user string', () => {
    expect(html).toContain('<h1>Planning day &lt;in&gt; Ōtautahi</h1>')
    expect(html).toContain(
      '<p>&lt;script&gt;alert(&quot;minutes&quot;)&lt;/script&gt; &amp; *not emphasis*</p>',
    )
  })

  it('keeps http(s) and mailto links only', () => {
    expect(html).toContain('<a href="https://example.org/plan?a=1&amp;b=2">the plan</a>')
    expect(html).toContain('<a href="mailto:hello@example.org">write to us</a>')
    expect(html).not.toContain('javascript:')
    expect(html).toContain('but not this trap.')
  })

  it('marks drafts and approved minutes', () => {
    expect(html).toContain('<span class="state draft">Draft</span>')
    const approved = minutesHtml({
      ...minutesInput,
      meeting: { ...minutesInput.meeting, status: 'approved' },
      version: { label: '2026-12-02 <final>' },
    })
    expect(approved).toContain(
      '<span class="state approved">Approved · version 2026-12-02 &lt;final&gt;</span>',
    )
  })

  it('labels actions, asks and decisions and keeps structure', () => {
    expect(html).toContain(
      '<div class="item action"><strong>Action</strong> <span class="details">(ALC, CN; Aroha Ngata; due 12 Dec 2026; open; carried over)</span>: ALC and CN to circulate the joint letter</div>',
    )
    expect(html).toContain(
      '<div class="item action"><strong>Action</strong> <span class="details">(ALC (proposed); Aroha Ngata (proposed); due 11 Dec 2026 (proposed); open)</span>: ALC to book the venue by Friday week</div>',
    )
    expect(html).toContain('<span class="details">(no owner; open)</span>: Someone to think')
    expect(html).toContain('<strong>Ask of Environment Canterbury</strong>')
    expect(html).toContain(
      '<div class="item decision"><strong>Decision</strong>: We back the joint letter</div>',
    )
    expect(html).toContain('<h2>Apologies &amp; welcome</h2>')
    expect(html).toContain('<tr><th><p>Organisation</p></th><th><p>Role | lead</p></th></tr>')
    expect(html).toContain('<strong><em>both</em></strong>')
  })
})
