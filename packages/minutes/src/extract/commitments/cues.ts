import type { Token } from '../../language/types.ts'

/**
 * The words that make a clause a commitment, read from tokens (parts of speech and lemmas):
 *
 * - `modal`: "will / shall / 'll <verb>", also "will be drafting" and "will look to <verb>";
 * - `would`, `should`, `must`: the same with weaker modals (reported speech, obligations);
 * - `infinitive`: a headline "ABC to circulate …";
 * - `control`: "agreed / offered / volunteered / undertook / committed / is going / plans /
 *   is aiming / is looking / needs / is happy / was asked to <verb>", "commit to <verb>ing";
 * - `asked`: "asked ABC to <verb>": the one asked owes it;
 * - `for`: "one for ABC to pick up";
 * - `possession`: "ABC has case studies to add";
 * - `needed`: "a joint approach is needed to …";
 * - `passive`: "the paper to be / will be circulated by ABC": the agent owes it;
 * - `agreed-passive`: "(it was agreed that) a briefing be prepared": no agent;
 * - `progressive`: "ABC is meeting the minister" (the caller decides whether it is future);
 * - `question`: "Could everyone commit to …?", "Can ABC send …?";
 * - `please`, `imperative`: a bare verb; the caller decides whether the context owes it;
 * - `marked`: no cue at all, but an "[Action: JA]" after the sentence makes it an action.
 *
 * A negated cue ("will not", "no longer") is no commitment.
 */
export type Form =
  | 'modal'
  | 'would'
  | 'should'
  | 'must'
  | 'infinitive'
  | 'control'
  | 'asked'
  | 'for'
  | 'possession'
  | 'needed'
  | 'passive'
  | 'agreed-passive'
  | 'progressive'
  | 'question'
  | 'please'
  | 'imperative'
  | 'marked'

export interface Cue {
  form: Form
  /** First token of the cue: the subject ends before it. */
  at: number
  /** The main verb. */
  verb: number
  /** Tokens that name the owner inside the cue ("asked ABC to", "for ABC to", "by ABC"). */
  agent?: [number, number]
  /** What the verb acts on, moved after it: "has case studies to add" → "add case studies". */
  object?: [number, number]
  /** Where the action's words stop, when something after the verb is no part of them. */
  stop?: number
  /** Tokens inside the action's words to leave out (a passive's "by ABC"). */
  skip?: [number, number]
  /** The cue word as written, for the reason. */
  word: string
}

const ADVERBS = new Set(
  'also then now still jointly both each all kindly further shortly soon hopefully personally themselves itself again therefore separately together first next directly urgently actively'.split(
    ' ',
  ),
)
const NEGATIONS = new Set(['not', "n't", 'never', 'no'])
const CONTROL = new Set(
  'agree offer volunteer undertake commit promise pledge intend plan aim endeavour endeavor seek arrange need look go continue propose'.split(
    ' ',
  ),
)
/** Of those, the ones that say what someone means to do, not what they took on. */
export const INTENTIONS = new Set(
  'intend plan aim endeavour endeavor seek look continue propose'.split(' '),
)
/** Words before "for ABC to …" that hand ABC a task. */
const FOR_WHOM = new Set(
  'one something task job item matter issue question action thing'.split(' '),
)
const ASKED = new Set('ask request invite encourage remind task nominate mandate urge'.split(' '))
const HAPPY = new Set('happy keen willing pleased glad prepared delighted'.split(' '))
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
function isVerbAfterModal(token: Token | undefined): boolean {
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

function isGerund(token: Token | undefined): boolean {
  return !!token && token.pos === 'VERB' && /ing$/.test(token.normal)
}

function isParticiple(token: Token | undefined): boolean {
  return (
    !!token && token.pos === 'VERB' && token.normal !== token.lemma && !/ing$/.test(token.normal)
  )
}

/** Skips adverbs after a cue word; -1 when a negation comes first. */
function afterAdverbs(tokens: readonly Token[], i: number, end: number): number {
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
function mainVerb(
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
function byAgent(
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

/**
 * The cues of one clause (token range [first, end)). `instruction`: the layout makes the clause
 * an instruction ("Action: …", an actions list), so its first word is a verb even where the
 * tagger took it for a noun ("Message the story…").
 */
export function findCues(
  tokens: readonly Token[],
  first: number,
  end: number,
  question: boolean,
  instruction = false,
  named: (token: number) => boolean = () => false,
): Cue[] {
  const cues: Cue[] = []
  const isNounPhrase = (k: number) => named(k) || nounPhraseWord(tokens[k]!)
  const push = (cue: Cue) => {
    if (!cues.some((c) => c.verb === cue.verb)) cues.push(cue)
  }

  if (question && ['can', 'could', 'would', 'will'].includes(tokens[first]?.lemma ?? '')) {
    // "Could members share …?": the subject is a name or pronoun, the verb right after it.
    let k = first + 1
    while (k < end && (named(k) || (k === first + 1 && tokens[k]!.pos === 'PRON'))) k++
    if (k > first + 1 && tokens[k]?.normal === 'all') k++
    const verb =
      k > first + 1 && isVerbAfterModal(tokens[k])
        ? k
        : tokens.slice(first + 1, Math.min(end, first + 8)).findIndex((t) => t.pos === 'VERB') +
          first +
          1
    if (verb > first + 1) {
      const main = mainVerb(tokens, verb, end, true)
      if (main && !main.passive) {
        push({
          form: 'question',
          at: first,
          verb: main.verb,
          agent: [first + 1, verb],
          word: tokens[first]!.text,
        })
      }
    }
  }
  if (tokens[first]?.normal === 'please') {
    const j = afterAdverbs(tokens, first + 1, end)
    if (j >= 0 && isVerbLike(tokens[j], tokens[j + 1]))
      push({ form: 'please', at: first, verb: j, word: 'please' })
  }

  for (let i = first; i < end; i++) {
    const t = tokens[i]!
    // Modals.
    if (t.pos === 'AUX' && ['will', 'shall', 'would', 'should', 'must'].includes(t.lemma)) {
      if (i === first && question) continue
      const j = afterAdverbs(tokens, i + 1, end)
      if (j < 0) continue
      const main = mainVerb(tokens, j, end, true)
      if (!main) continue
      const form: Form =
        t.lemma === 'would'
          ? 'would'
          : t.lemma === 'should'
            ? 'should'
            : t.lemma === 'must'
              ? 'must'
              : 'modal'
      if (main.passive) {
        const agent = byAgent(tokens, main.verb + 1, end)
        push({
          form: agent ? 'passive' : 'agreed-passive',
          at: i,
          verb: main.verb,
          agent,
          skip: agent,
          word: `${t.text} be`,
        })
      } else {
        push({ form, at: i, verb: main.verb, word: t.text })
      }
      continue
    }
    // "need(s) to", "is needed to".
    if (t.lemma === 'need' && tokens[i + 1]?.normal === 'to') {
      const main = mainVerb(tokens, i + 2, end)
      if (main && !main.passive) {
        const needed = t.normal === 'needed' && tokens[i - 1]?.lemma === 'be'
        push({
          form: needed ? 'needed' : 'control',
          at: needed ? i - 1 : i,
          verb: main.verb,
          word: t.text,
        })
      }
      continue
    }
    if (t.normal !== 'to' || (t.pos === 'ADP' && !isVerbLike(tokens[i + 1], tokens[i + 2])))
      continue
    const j = afterAdverbs(tokens, i + 1, end)
    if (j < 0) continue
    const main = mainVerb(tokens, j, end)
    if (!main) continue
    const left = tokens[i - 1]
    if (!left || i === first) continue
    if (main.passive) {
      // "the paper to be circulated by ABC", at the head of its clause.
      let k = i - 1
      while (k > first && isNounPhrase(k)) k--
      if (k !== first && !isLead(tokens, first, k + 1)) continue
      const agent = byAgent(tokens, main.verb + 1, end)
      push({
        form: agent ? 'passive' : 'agreed-passive',
        at: i,
        verb: main.verb,
        agent,
        skip: agent,
        word: 'to be',
      })
      continue
    }
    if (CONTROL.has(left.lemma) || HAPPY.has(left.normal) || left.normal === 'going') {
      // "agreed to", "is happy to"; the subject is left of any auxiliaries.
      let at = i - 1
      while (at > first && (tokens[at - 1]!.pos === 'AUX' || ADVERBS.has(tokens[at - 1]!.normal)))
        at--
      push({ form: 'control', at, verb: main.verb, word: left.text })
      continue
    }
    if (ASKED.has(left.lemma) && left.normal !== left.lemma && tokens[i - 2]?.lemma === 'be') {
      // "ABC was asked to", "ABC should be asked to": passive request, the subject owes it.
      let at = i - 2
      while (at > first && tokens[at - 1]!.pos === 'AUX') at--
      push({ form: 'control', at, verb: main.verb, word: `${tokens[i - 2]!.text} ${left.text}` })
      continue
    }
    // "ABC has case studies to add" (the tagger may take a noun of the object for a verb).
    const had = possessor(tokens, first, i)
    if (had !== undefined) {
      push({
        form: 'possession',
        at: had,
        verb: main.verb,
        object: [had + 1, i],
        word: tokens[had]!.text,
      })
      continue
    }
    // "asked ABC to", "for ABC to".
    let k = i - 1
    while (k > first && isNounPhrase(k)) k--
    const before = tokens[k]!
    if (k < i - 1 || (k === i - 1 && isNounPhrase(k))) {
      const agentStart = isNounPhrase(k) ? k : k + 1
      if (ASKED.has(before.lemma) && agentStart === k + 1) {
        push({ form: 'asked', at: k, verb: main.verb, agent: [k + 1, i], word: before.text })
        continue
      }
      // "one for ABC to pick up", "it is for ABC to decide": not "time for the partnership to view".
      const owed = tokens[k - 1]
      if (
        before.normal === 'for' &&
        agentStart === k + 1 &&
        owed &&
        (FOR_WHOM.has(owed.normal) || owed.lemma === 'be')
      ) {
        push({ form: 'for', at: k, verb: main.verb, agent: [k + 1, i], word: 'for' })
        continue
      }
      // A headline infinitive: the whole clause before "to" is its subject.
      if (agentStart === first || isLead(tokens, first, agentStart)) {
        push({ form: 'infinitive', at: i, verb: main.verb, word: 'to' })
      }
    }
  }

  for (const cue of subjunctives(tokens, first, end)) push(cue)
  for (const cue of askedThat(tokens, first, end)) push(cue)

  // "ABC is meeting the minister next week": the caller decides whether it is a plan.
  for (let i = first + 1; i + 1 < end; i++) {
    const t = tokens[i]!
    if (t.lemma !== 'be' || t.normal === 'be') continue
    const j = afterAdverbs(tokens, i + 1, end)
    if (j < 0 || !isGerund(tokens[j]) || tokens[j]!.normal === 'going') continue
    if (tokens[j + 1]?.normal === 'to') continue
    if (cues.some((c) => c.verb === j || (c.at <= i && c.verb >= i))) continue
    push({ form: 'progressive', at: i, verb: j, word: `${t.text} ${tokens[j]!.text}` })
  }

  // A clause opening with a bare verb: an instruction, if the context owes it to someone.
  let opening = first
  while (
    opening + 1 < end &&
    /^(?:and|then|also|so|next|finally|,)$/.test(tokens[opening]!.normal)
  ) {
    opening++
  }
  const head = tokens[opening]
  const next = tokens[opening + 1]
  const bare =
    head !== undefined &&
    ((head.pos === 'VERB' && head.normal === head.lemma && !isGerund(head)) ||
      (instruction &&
        /^\p{Lu}\p{Ll}+$/u.test(head.text) &&
        !/s$/.test(head.normal) &&
        (head.pos === 'NOUN' || head.pos === 'PROPN' || head.pos === 'ADJ') &&
        head.lemma === head.normal &&
        next !== undefined &&
        ['DET', 'ADP', 'PRON', 'PART'].includes(next.pos)))
  if (head && bare && !cues.some((c) => c.at <= opening + 1)) {
    push({ form: 'imperative', at: first, verb: opening, word: head.text })
  }
  // Negated ("don't need to", "will not") and wishful ("would love to") cues are no tasks, nor
  // is "let me know", a call for replies.
  return cues
    .filter(
      (c) =>
        !negatedBefore(tokens, c.at, first) &&
        !NOT_TASKS.has(tokens[c.verb]!.lemma) &&
        !(tokens[c.verb]!.lemma === 'let' && /^(?:me|us)$/.test(tokens[c.verb + 1]?.normal ?? '')),
    )
    .sort((a, b) => a.at - b.at)
}

function nounPhraseWord(token: Token): boolean {
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
function isLead(tokens: readonly Token[], first: number, start: number): boolean {
  const words = tokens.slice(first, start).map((t) => t.normal)
  const text = words.join(' ')
  return (
    /^(?:(?:also|then|and|so|additionally|finally|meanwhile|separately)\s*,?\s*)+$/.test(text) ||
    /^(?:it\s+was\s+)?(?:agreed|decided|resolved)\s*(?:that)?\s*:?$/.test(text)
  )
}

/** "has case studies to add": the "has" before a short object before "to". */
function possessor(tokens: readonly Token[], first: number, to: number): number | undefined {
  for (let k = to - 2; k > first && k >= to - 5; k--) {
    const t = tokens[k]!
    if (t.lemma === 'have' && t.normal !== 'having') {
      const between = tokens.slice(k + 1, to)
      const objectLike = between.every((b) =>
        ['NOUN', 'ADJ', 'DET', 'NUM', 'VERB', 'PROPN'].includes(b.pos),
      )
      return objectLike && between.some((b) => b.pos === 'NOUN') ? k : undefined
    }
    if (!['NOUN', 'ADJ', 'DET', 'NUM', 'VERB', 'PROPN'].includes(t.pos)) return undefined
  }
  return undefined
}

/** Verbs that ask, in "asked that the ICB share the figures". */
const ASKED_THAT = new Set('ask request suggest propose recommend urge'.split(' '))

/**
 * "Members asked that the ICB share weekly figures": a request in the subjunctive; the one
 * asked (a member, or someone outside, which makes it an ask) owes it.
 */
function askedThat(tokens: readonly Token[], first: number, end: number): Cue[] {
  const out: Cue[] = []
  for (let i = first + 1; i + 2 < end; i++) {
    if (tokens[i]!.normal !== 'that' || !ASKED_THAT.has(tokens[i - 1]!.lemma)) continue
    for (let j = i + 2; j < Math.min(end, i + 8); j++) {
      const t = tokens[j]!
      const before = tokens[j - 1]!
      if (t.pos === 'AUX') break
      if (
        (t.pos === 'VERB' || isVerbAfterModal(t)) &&
        t.normal === t.lemma &&
        (before.pos === 'NOUN' || before.pos === 'PROPN')
      ) {
        out.push({
          form: 'asked',
          at: i,
          verb: j,
          agent: [i + 1, j],
          word: `${tokens[i - 1]!.text} that`,
        })
        break
      }
    }
  }
  return out
}

/**
 * "(It was agreed that) a briefing be prepared": a subjunctive passive, no agent. The subject
 * stands right before "be", which follows no auxiliary or "to".
 */
function subjunctives(tokens: readonly Token[], first: number, end: number): Cue[] {
  const out: Cue[] = []
  for (let i = first + 1; i + 1 < end; i++) {
    const t = tokens[i]!
    if (t.normal !== 'be' || t.pos !== 'AUX') continue
    const before = tokens[i - 1]!
    if (before.pos === 'AUX' || before.pos === 'PART' || before.normal === 'to') continue
    if (!['NOUN', 'PROPN', 'PRON'].includes(before.pos)) continue
    const next = tokens[i + 1]!
    if (next.pos !== 'VERB' || next.normal === next.lemma || /ing$/.test(next.normal)) continue
    out.push({ form: 'agreed-passive', at: i, verb: i + 1, word: 'be' })
  }
  return out
}

function negatedBefore(tokens: readonly Token[], at: number, first: number): boolean {
  for (let k = at - 1; k >= Math.max(first, at - 2); k--) {
    if (NEGATIONS.has(tokens[k]!.normal)) return true
    if (tokens[k]!.pos !== 'AUX' && tokens[k]!.pos !== 'PART') break
  }
  return false
}
