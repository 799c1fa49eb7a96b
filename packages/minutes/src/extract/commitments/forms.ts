import type { Token } from '../../language/types.ts'
import type { Cue } from './cues.ts'
import { isVerbAfterModal } from './verbs.ts'

/**
 * Cues of their own shape, besides the modals and "to" findCues reads: possession ("has case
 * studies to add"), requests in the subjunctive ("asked that the ICB share…") and agentless
 * subjunctive passives ("a briefing be prepared").
 */
/** "has case studies to add": the "has" before a short object before "to". */
export function possessor(tokens: readonly Token[], first: number, to: number): number | undefined {
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
export function askedThat(tokens: readonly Token[], first: number, end: number): Cue[] {
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
 * "The reserves policy needs updating": what needs doing, no agent (the caller decides whether
 * the layout names one, as "ACTION: DO" after it does).
 */
export function needsDoing(tokens: readonly Token[], first: number, end: number): Cue[] {
  const out: Cue[] = []
  for (let i = first + 1; i + 1 < end; i++) {
    const t = tokens[i]!
    const next = tokens[i + 1]!
    if (t.lemma !== 'need' || next.pos !== 'VERB' || !/ing$/.test(next.text.toLowerCase())) continue
    const before = tokens[i - 1]!
    if (before.pos !== 'NOUN' && before.pos !== 'PROPN') continue
    out.push({ form: 'agreed-passive', at: i, verb: i + 1, word: `${t.text} ${next.text}` })
  }
  return out
}

/**
 * "(It was agreed that) a briefing be prepared": a subjunctive passive, no agent. The subject
 * stands right before "be", which follows no auxiliary or "to".
 */
export function subjunctives(tokens: readonly Token[], first: number, end: number): Cue[] {
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
