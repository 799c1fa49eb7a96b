import type { WinkMethods } from 'wink-nlp'
import type { Analysis, Language, PartOfSpeech, Token } from './types.ts'

const FIRST_PERSON_AM = /^i['’]m$/i

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
    /** Where each of wink's tokens starts among ours: "I'm" becomes two. */
    const firstOf: number[] = []
    let at = 0
    for (let i = 0; i < raw.length; i++) {
      at += spaces[i]!.length
      const written = raw[i]!
      // wink spells a contraction out in place ("we'll" → "we" "will"); find it as written.
      const found = text.startsWith(written, at) ? at : text.indexOf(written, at)
      const start = found < 0 ? at : found
      const end = found < 0 ? at : start + written.length
      firstOf.push(tokens.length)
      if (FIRST_PERSON_AM.test(written)) {
        // wink keeps "I'm" whole, as a proper noun: "I'm drafting" is "I am drafting".
        tokens.push({
          text: text.slice(start, start + 1),
          start,
          end: start + 1,
          pos: 'PRON',
          lemma: 'i',
          normal: 'i',
        })
        tokens.push({
          text: text.slice(start + 1, end),
          start: start + 1,
          end,
          pos: 'AUX',
          lemma: 'be',
          normal: 'am',
        })
      } else {
        tokens.push({
          text: text.slice(start, end),
          start,
          end,
          pos: (pos[i] ?? 'X') as PartOfSpeech,
          lemma: (lemmas[i] ?? written).toLowerCase(),
          normal: (normals[i] ?? written).toLowerCase(),
        })
      }
      at = end
    }
    firstOf.push(tokens.length)
    const sentences = (doc.sentences().out(its.span) as unknown as [number, number][]).map(
      ([first, last]) => ({
        start: tokens[firstOf[first]!]?.start ?? 0,
        end: tokens[firstOf[last + 1]! - 1]?.end ?? 0,
        tokenStart: firstOf[first]!,
        tokenEnd: firstOf[last + 1]!,
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
