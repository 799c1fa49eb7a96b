import type { WinkMethods } from 'wink-nlp'
import type { Analysis, Language, PartOfSpeech, Token } from './types.ts'

/** Analyses kept per language: a live editor re-reads only the paragraphs that changed. */
const CACHE_SIZE = 4000

/**
 * A Language over wink-nlp. wink keeps every token's preceding whitespace, so offsets are
 * rebuilt exactly from the text; analyses are cached by text (least recently used dropped).
 */
export function winkLanguage(nlp: WinkMethods): Language {
  const its = nlp.its
  const cache = new Map<string, Analysis>()

  const analyseNow = (text: string): Analysis => {
    const doc = nlp.readDoc(text)
    const words = doc.tokens()
    const raw = words.out()
    const spaces = words.out(its.precedingSpaces) as string[]
    const pos = words.out(its.pos) as string[]
    const lemmas = words.out(its.lemma as never) as unknown as string[]
    const normals = words.out(its.normal) as string[]
    const tokens: Token[] = []
    let at = 0
    for (let i = 0; i < raw.length; i++) {
      at += spaces[i]!.length
      const written = raw[i]!
      // wink spells a contraction out in place ("we'll" → "we" "will"); find it as written.
      const found = text.startsWith(written, at) ? at : text.indexOf(written, at)
      const start = found < 0 ? at : found
      const end = found < 0 ? at : start + written.length
      tokens.push({
        text: text.slice(start, end),
        start,
        end,
        pos: (pos[i] ?? 'X') as PartOfSpeech,
        lemma: (lemmas[i] ?? written).toLowerCase(),
        normal: (normals[i] ?? written).toLowerCase(),
      })
      at = end
    }
    const sentences = (doc.sentences().out(its.span) as unknown as [number, number][]).map(
      ([first, last]) => ({
        start: tokens[first]?.start ?? 0,
        end: tokens[last]?.end ?? 0,
        tokenStart: first,
        tokenEnd: last + 1,
      }),
    )
    return { text, tokens, sentences }
  }

  return {
    analyse(text) {
      const cached = cache.get(text)
      if (cached) {
        cache.delete(text)
        cache.set(text, cached)
        return cached
      }
      const analysis = analyseNow(text)
      cache.set(text, analysis)
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
      return analysis
    },
  }
}
