import type { Token } from '../../language/types.ts'
import type { ReadBlock } from '../read/document.ts'

/**
 * The clauses of a block's sentences, as token ranges. Minutes pack several statements into a
 * line with layout rather than grammar: "Action: …", "Maya: will …", "Ines - send …",
 * "Leaflets / Joan to arrange …", "; ", "o " bullets run together, "ii)" numbering. Each such
 * mark ends a clause; what stood before a colon or a dash is kept as the clause's `label`
 * (an "Action" label, a speaker, an owner).
 */
export interface Clause {
  block: ReadBlock
  /** Index of the sentence in `block.sentences`. */
  sentence: number
  /** Token range in `block.analysis.tokens`: [first, end). */
  first: number
  end: number
  /** Offsets of the clause's text in the block. */
  start: number
  stop: number
  /**
   * The short runs of words before a colon or spaced dash that came right before this clause,
   * last one last: ["Action"], ["Maya"], ["Action", "SP"].
   */
  labels: string[]
  /** What ended the last label: a colon (speech, "Maya: will…") or a dash ("Ines - send…"). */
  labelMark: ':' | '-' | null
}

const LABEL_MAX_WORDS = 6
/** "i)", "ii)", "(a)", "1.", "o": list marks typed into the text. */
const MARK = /^(?:[ivx]+\)|\(?[a-h]\)|\d+[.)]|o|•|·|-|\*)$/i

export function clausesOf(block: ReadBlock): Clause[] {
  const { tokens } = block.analysis
  const out: Clause[] = []
  block.analysis.sentences.forEach((sentence, index) => {
    let first = sentence.tokenStart
    let labels: string[] = []
    let labelMark: Clause['labelMark'] = null
    const close = (end: number, boundary: Token | null) => {
      const span = trimmed(tokens, first, end)
      // What precedes a colon or dash labels what follows: "Action: …", "Ines - send …".
      const isLabel =
        span !== null &&
        boundary !== null &&
        /^[:–—-]$/.test(boundary.text) &&
        span[1] - span[0] <= LABEL_MAX_WORDS
      if (span && isLabel) {
        labels = [...labels, block.text.slice(tokens[span[0]]!.start, tokens[span[1] - 1]!.end)]
        labelMark = boundary!.text === ':' ? ':' : '-'
        return
      }
      if (span) {
        out.push({
          block,
          sentence: index,
          first: span[0],
          end: span[1],
          start: tokens[span[0]]!.start,
          stop: tokens[span[1] - 1]!.end,
          labels,
          labelMark: labels.length > 0 ? labelMark : null,
        })
      }
      labels = []
      labelMark = null
    }
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      const token = tokens[i]!
      if (isBoundary(block.text, tokens, i)) {
        close(i, token)
        first = i + 1
      }
    }
    close(sentence.tokenEnd, null)
  })
  return out
}

function isBoundary(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!
  const spaced = /\s/.test(text[token.start - 1] ?? ' ') && /\s/.test(text[token.end] ?? ' ')
  switch (token.text) {
    case ';':
    case '|':
      return true
    case ':':
      // Not the colon of a time or a ratio: "1:30".
      return !/\d/.test(text[token.end] ?? '')
    case '–':
    case '—':
      return spaced
    case '-':
    case '/':
      return spaced
    default:
      return token.pos === 'SPACE'
  }
}

/** The range without list marks, punctuation and spaces at either end; null when empty. */
function trimmed(tokens: readonly Token[], first: number, end: number): [number, number] | null {
  let a = first
  let b = end
  for (;;) {
    if (a < b && (isPunctuation(tokens[a]!) || MARK.test(tokens[a]!.text))) a++
    else if (a + 1 < b && MARK.test(tokens[a]!.text + tokens[a + 1]!.text)) a += 2
    else break
  }
  while (b > a && isPunctuation(tokens[b - 1]!)) b--
  return a < b ? [a, b] : null
}

function isPunctuation(token: Token): boolean {
  // A link or an address the tagger calls a symbol is content.
  if (/[\p{L}\p{N}]/u.test(token.text)) return false
  return (
    token.pos === 'SPACE' ||
    (token.pos === 'PUNCT' && !/^[()"'“”‘’]$/.test(token.text)) ||
    (token.pos === 'SYM' && token.text !== '&' && token.text !== '#')
  )
}

/** "e.g.", "for example", "such as", "like": what follows only illustrates. */
const EXAMPLE_MARK =
  /(?:\be\.?g\.?|\bi\.?e\.?|\bfor\s+(?:example|instance)|\bsuch\s+as|\blike)[,:]?\s*$/i

/**
 * The offsets of words quoted as an example – 'e.g. “I’m using the new rota…”' – which are
 * nobody's commitment, however they are worded. Double quotes only: a single one is too often
 * an apostrophe. An unclosed quote runs to the end of the text.
 */
export function quotedExamples(text: string): [number, number][] {
  const spans: [number, number][] = []
  for (const open of text.matchAll(/[“"]/g)) {
    const at = open.index
    if (spans.some(([, end]) => at < end)) continue
    if (!EXAMPLE_MARK.test(text.slice(Math.max(0, at - 20), at))) continue
    const close = text.slice(at + 1).search(open[0] === '“' ? /”/ : /"/)
    spans.push([at, close < 0 ? text.length : at + 1 + close + 1])
  }
  return spans
}
