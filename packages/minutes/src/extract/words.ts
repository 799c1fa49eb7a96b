// Word-level helpers shared by the extractor (de-duplication, date inheritance) and the
// evaluation (matching predicted against gold texts).

export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of to in on at by for with from into onto about as than then ' +
    "that this these those it its it’s it's is are was were be been being am do does did done " +
    'have has had will would shall should can could may might must not no yes we us our ours you ' +
    'your they them their theirs he him his she her hers i me my who whom whose which what when ' +
    'where why how all any each every some such own same other also just only very too there ' +
    'here up down out over under again further once both more most few if because while until ' +
    'before after during through above below off per via'
  ).split(' '),
)

/** Lower-case, curly quotes straightened, whitespace collapsed, outer punctuation dropped. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
}

/**
 * A crude English stem: enough that "funded" meets "fund" and "letters" meets "letter", which
 * is all that comparing two paraphrases of one action needs.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, -suffix.length)
    }
  }
  return word
}

/** The stemmed content words of a text: lower-cased, stopwords and one-letter tokens removed. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>()
  for (const token of normaliseText(text).split(/[^\p{L}\p{N}#]+/u)) {
    const word = token.replace(/'s$/, '')
    if (word.length > 1 && !STOPWORDS.has(word)) words.add(stem(word))
  }
  return words
}

/** |A ∩ B| / min(|A|, |B|): 1 when one text's content words all occur in the other. */
export function overlapCoefficient(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const word of a) if (b.has(word)) shared++
  return shared / Math.min(a.size, b.size)
}
