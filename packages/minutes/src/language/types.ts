/**
 * What the extraction rules know of English: a text cut into sentences and tokens, each token
 * with its part of speech (Universal Dependencies tags) and lemma. The rules read grammar from
 * here; regular expressions stay for the layout of minutes (labels, tables, lists).
 */
export type PartOfSpeech =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE'

export interface Token {
  /** The token as written. */
  text: string
  /** Offsets of the token in the analysed text. */
  start: number
  end: number
  pos: PartOfSpeech
  /** Lower-cased base form: "circulated" → "circulate", "'ll" → "will", "is" → "be". */
  lemma: string
  /** Lower-cased, contractions spelt out: "'ll" → "will". */
  normal: string
}

export interface Sentence {
  start: number
  end: number
  /** Index of the sentence's first token in `Analysis.tokens`, and one past its last. */
  tokenStart: number
  tokenEnd: number
}

export interface Analysis {
  text: string
  tokens: readonly Token[]
  sentences: readonly Sentence[]
}

export interface Language {
  /** Tokens and sentences of one text. Pure: the same text gives the same analysis. */
  analyse(text: string): Analysis
}
