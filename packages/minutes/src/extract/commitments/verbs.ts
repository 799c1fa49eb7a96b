import type { Token } from '../../language/types.ts'

/**
 * The words commitments are made of, read from tokens: which word is the verb after "will" or
 * "to" (the tagger is not always right), what an auxiliary, an adverb or a negation between
 * them does, and the small vocabularies of control verbs ("agreed to"), requests ("asked to")
 * and wishes ("would love to").
 */
export const ADVERBS = new Set(
  'also then now still jointly both each all kindly further shortly soon hopefully personally themselves itself again therefore separately together first next directly urgently actively'.split(
    ' ',
  ),
)
const NEGATIONS = new Set(['not', "n't", 'never', 'no'])
export const CONTROL = new Set(
  'agree offer volunteer undertake commit promise pledge intend plan aim endeavour endeavor seek arrange need look go continue propose'.split(
    ' ',
  ),
)
/** Of those, the ones that say what someone means to do, not what they took on. */
export const INTENTIONS = new Set(
  'intend plan aim endeavour endeavor seek look continue propose'.split(' '),
)
/** Words before "for ABC to …" that hand ABC a task. */
export const FOR_WHOM = new Set(
  'one something task job item matter issue question action thing'.split(' '),
)
export const ASKED = new Set(
  'ask request invite encourage remind task nominate mandate urge'.split(' '),
)
export const HAPPY = new Set('happy keen willing pleased glad prepared delighted'.split(' '))
/** Verbs whose -ing complement is the real action: "will own creating the repos". */
const ASPECTUAL = new Set('own start begin continue keep finish lead'.split(' '))
const NOT_VERBS = new Set([
  'DET',
  'PRON',
  'ADP',
  'CCONJ',
  'SCONJ',
  'NUM',
  'PART',
  'PUNCT',
  'SYM',
  'SPACE',
])

/**
 * A token that can be the verb after a modal or "to". wink sometimes tags one as a noun or an
 * adjective ("to feedback", "will own"): such a word counts when it is in its base form and no
 * noun follows it ("to previous minute" is no verb).
 */
export function isVerbLike(token: Token | undefined, next?: Token): boolean {
  if (!token) return false
  if (token.pos === 'VERB') return true
  if (NOT_VERBS.has(token.pos) || token.pos === 'AUX' || token.pos === 'PROPN') return false
  if (!/^\p{Ll}[\p{Ll}-]*$/u.test(token.text) || token.lemma !== token.normal) return false
  return !next || (next.pos !== 'NOUN' && next.pos !== 'PROPN' && next.pos !== 'ADJ')
}

/** After a modal only a verb can come: "will brief MPs" whatever the tagger says of "brief". */
export function isVerbAfterModal(token: Token | undefined): boolean {
  if (!token) return false
  if (token.pos === 'VERB') return true
  if (NOT_VERBS.has(token.pos) || token.pos === 'AUX' || token.pos === 'PROPN') return false
  return /^\p{Ll}[\p{Ll}-]*$/u.test(token.text) && token.lemma === token.normal
}

/** Verbs of wanting, feeling and thanking: what follows them is no task. */
export const NOT_TASKS = new Set(
  'thank want like love hope wish feel appreciate congratulate welcome need see seem apologise apologize be know'.split(
    ' ',
  ),
)

export function isGerund(token: Token | undefined): boolean {
  return !!token && token.pos === 'VERB' && /ing$/.test(token.normal)
}

function isParticiple(token: Token | undefined): boolean {
  return (
    !!token && token.pos === 'VERB' && token.normal !== token.lemma && !/ing$/.test(token.normal)
  )
}

/** Skips adverbs after a cue word; -1 when a negation comes first. */
export function afterAdverbs(tokens: readonly Token[], i: number, end: number): number {
  let j = i
  while (j < end) {
    const t = tokens[j]!
    if (NEGATIONS.has(t.normal) || (t.normal === 'longer' && tokens[j - 1]?.normal === 'no'))
      return -1
    if (ADVERBS.has(t.normal) || (t.pos === 'ADV' && /ly$/.test(t.normal))) j++
    else break
  }
  return j
}

/**
 * Follows a verb position through "be drafting", "be happy to draft", "look to draft",
 * "need to draft", "own creating": the position of the verb that says what is done, with the
 * form it makes; undefined for a copula ("will be the CEO").
 */
export function mainVerb(
  tokens: readonly Token[],
  j: number,
  end: number,
  afterModal = false,
): { verb: number; passive?: boolean } | undefined {
  const t = tokens[j]
  if (!t) return undefined
  if (t.lemma === 'be') {
    const k = afterAdverbs(tokens, j + 1, end)
    if (k < 0) return undefined
    const next = tokens[k]
    if (isGerund(next) && next!.normal !== 'going') return { verb: k }
    if (next && HAPPY.has(next.normal) && tokens[k + 1]?.normal === 'to') {
      return isVerbLike(tokens[k + 2], tokens[k + 3]) ? { verb: k + 2 } : undefined
    }
    if (next?.normal === 'going' && tokens[k + 1]?.normal === 'to')
      return mainVerb(tokens, k + 2, end)
    if (isParticiple(next)) return { verb: k, passive: true }
    return undefined
  }
  if (t.lemma === 'have' && t.pos === 'AUX') {
    // The tagger calls every "have" an auxiliary: "will have to draft" owes the drafting; "will
    // have a team on it", "will have the report ready" provide something; "will have done" is
    // no promise of anything left to do.
    const next = tokens[j + 1]
    if (next?.normal === 'to')
      return isVerbLike(tokens[j + 2], tokens[j + 3]) ? mainVerb(tokens, j + 2, end) : undefined
    return next && ['DET', 'NOUN', 'NUM'].includes(next.pos) ? { verb: j } : undefined
  }
  if (!(afterModal ? isVerbAfterModal(t) : isVerbLike(t, tokens[j + 1]))) return undefined
  if (
    CONTROL.has(t.lemma) &&
    tokens[j + 1]?.normal === 'to' &&
    isVerbLike(tokens[j + 2], tokens[j + 3])
  ) {
    return mainVerb(tokens, j + 2, end)
  }
  if (ASPECTUAL.has(t.lemma) && isGerund(tokens[j + 1])) return { verb: j + 1 }
  if (t.lemma === 'commit' && tokens[j + 1]?.normal === 'to' && isGerund(tokens[j + 2])) {
    return { verb: j + 2 }
  }
  return { verb: j }
}

/** "by ABC" after a passive participle: the agent's token range (up to a comma or date words). */
export function byAgent(
  tokens: readonly Token[],
  from: number,
  end: number,
): [number, number] | undefined {
  for (let k = from; k < end; k++) {
    if (tokens[k]!.normal !== 'by') continue
    let e = k + 1
    while (
      e < end &&
      (tokens[e]!.pos === 'PROPN' ||
        tokens[e]!.pos === 'NOUN' ||
        /^(?:and|&|\/|,|the)$/.test(tokens[e]!.normal))
    )
      e++
    if (e > k + 1) return [k, e]
  }
  return undefined
}

export function nounPhraseWord(token: Token): boolean {
  return (
    token.pos === 'PROPN' ||
    token.pos === 'NOUN' ||
    token.pos === 'PRON' ||
    token.pos === 'DET' ||
    token.pos === 'ADJ' ||
    token.pos === 'NUM' ||
    /^(?:and|&|\/|,|\(|\)|of|'s|’s)$/.test(token.normal)
  )
}

/** Words that may stand before a headline's subject: "Also,", "It was agreed that", "Action". */
export function isLead(tokens: readonly Token[], first: number, start: number): boolean {
  const words = tokens.slice(first, start).map((t) => t.normal)
  const text = words.join(' ')
  return (
    /^(?:(?:also|then|and|so|additionally|finally|meanwhile|separately)\s*,?\s*)+$/.test(text) ||
    /^(?:it\s+was\s+)?(?:agreed|decided|resolved)\s*(?:that)?\s*:?$/.test(text)
  )
}

export function negatedBefore(tokens: readonly Token[], at: number, first: number): boolean {
  for (let k = at - 1; k >= Math.max(first, at - 2); k--) {
    if (NEGATIONS.has(tokens[k]!.normal)) return true
    if (tokens[k]!.pos !== 'AUX' && tokens[k]!.pos !== 'PART') break
  }
  return false
}
