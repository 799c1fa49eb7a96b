/** A stretch of a block's text: offsets into the block and the text between them. */
export interface Span {
  start: number
  end: number
  text: string
}

const BOUNDARY = /[.!?]+["')\]”’]*\s+(?=["'([‘“#\p{Lu}\p{N}])/gu
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|Prof|St|No|Cllr|approx|vs|cf|[A-Z])\.$/

/** Splits a block's text into sentences, trimmed, with their offsets. */
export function sentences(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  for (const match of text.matchAll(BOUNDARY)) {
    const stop = match.index + match[0].trimEnd().length
    if (ABBREVIATION.test(text.slice(Math.max(start, match.index - 8), match.index + 1))) continue
    push(spans, text, start, stop)
    start = match.index + match[0].length
  }
  push(spans, text, start, text.length)
  return spans
}

/** Splits a sentence at semicolons: "There is interest; ALC offered to write it" is two clauses. */
export function clauses(sentence: Span): Span[] {
  const spans: Span[] = []
  let start = 0
  for (const match of sentence.text.matchAll(/;\s+/g)) {
    push(spans, sentence.text, start, match.index, sentence.start)
    start = match.index + match[0].length
  }
  push(spans, sentence.text, start, sentence.text.length, sentence.start)
  return spans
}

function push(spans: Span[], text: string, start: number, end: number, base = 0): void {
  const raw = text.slice(start, end)
  const lead = raw.length - raw.trimStart().length
  const body = raw.trim()
  if (body === '') return
  spans.push({ start: base + start + lead, end: base + start + lead + body.length, text: body })
}
