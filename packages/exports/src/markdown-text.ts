// Escaping for user text placed into generated Markdown. Minutes and ledger text is written by
// people, not Markdown authors: a "*" or "[" they typed must come out as itself, and nothing
// they write may open a heading, list, link or raw HTML in the report.

const INLINE_SPECIALS = /[\\`*_[\]<>|~]/g
/** Only `&name;` and `&#123;` turn into entities; a bare "&" reads fine. */
const ENTITY_START = /&(?=#?\w+;)/g

/**
 * User text as one line of literal Markdown. Line breaks become spaces, and the ends are
 * trimmed: leading spaces would indent it into a code block, trailing ones into a line break.
 */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeMarkdownInline(oneLine(text).trim()))
}

/** Line breaks and the spaces around them as one space. */
export const oneLine = (text: string) => text.replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ')

/** At the start of a line these would begin a heading, quote, list or setext underline. */
export function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)([#>+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2')
}

/** Escapes inline specials only; the caller decides where lines start. */
export function escapeMarkdownInline(text: string): string {
  return text.replace(INLINE_SPECIALS, '\\$&').replace(ENTITY_START, '\\&')
}

/** A link target that cannot end the `(...)` early or break the line. */
export function markdownHref(href: string): string {
  return href.replace(/[\s()<>]/g, (char) => encodeURIComponent(char))
}

/** Inline code: a fence longer than any run of backticks inside, padded where needed. */
export function markdownCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}
