import type { Token } from '../../language/types.ts'
import { askedThat, needsDoing, possessor, subjunctives } from './forms.ts'
import {
  ADVERBS,
  afterAdverbs,
  ASKED,
  byAgent,
  CONTROL,
  FOR_WHOM,
  HAPPY,
  isGerund,
  isLead,
  isVerbAfterModal,
  isVerbLike,
  mainVerb,
  negatedBefore,
  NOT_TASKS,
  nounPhraseWord,
} from './verbs.ts'

export { INTENTIONS } from './verbs.ts'

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
        push(passiveCue(tokens, i, main.verb, end, `${t.text} be`))
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
      push(passiveCue(tokens, i, main.verb, end, 'to be'))
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
      // "one for ABC to pick up", "it is for ABC to decide": not "time for the group to read".
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
      // "requested for members to check the rota": asked of them.
      if (before.normal === 'for' && agentStart === k + 1 && owed && ASKED.has(owed.lemma)) {
        push({
          form: 'asked',
          at: k - 1,
          verb: main.verb,
          agent: [k + 1, i],
          word: `${owed.text} for`,
        })
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
  for (const cue of needsDoing(tokens, first, end)) push(cue)

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

  // In an actions list, "@aosei finish the key rotation": a name, then the bare verb.
  if (instruction && named(first) && cues.length === 0) {
    let k = first
    while (k < end && named(k)) k++
    if (k > first && isVerbAfterModal(tokens[k])) {
      push({ form: 'infinitive', at: k, verb: k, word: tokens[k]!.text })
    }
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

/** "will be / to be circulated (by ABC)": the agent, when named, owes it and is no part of it. */
function passiveCue(
  tokens: readonly Token[],
  at: number,
  verb: number,
  end: number,
  word: string,
): Cue {
  const agent = byAgent(tokens, verb + 1, end)
  return { form: agent ? 'passive' : 'agreed-passive', at, verb, agent, skip: agent, word }
}
