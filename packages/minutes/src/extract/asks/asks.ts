import type { ReadBlock, ReadDocument, Span } from '../read/document.ts'
import type { Entity, OwnerMatcher } from '../owners/matcher.ts'
import { sentenceSubject } from '../owners/subject.ts'
import { findTargets, impliedTarget, namesFiscalEvent } from './targets.ts'
import { ALL, type AskStatus } from '../types.ts'

/**
 * Joint requests of someone outside the coalition. Read from, in order:
 *
 * - "Ask of <target>: …" and "Ask: …" lines, and every item of a list under a heading or line
 *   about asks ("Asks agreed", "Our asks:");
 * - "call on <target> to …", "ask / urge / lobby <target> to …" (the target a public body),
 *   "write (jointly) to <target> asking for …", "the (coalition's) ask for …", "call for …";
 * - weaker cues ("asked whether …", "raised the need for …", "priorities for …") only in a
 *   sentence that names a public body or a fiscal event (the budget, the Spending Review).
 *
 * The target is the body named, else the one the ask implies (money: HM Treasury; law: the
 * government). Supporters are organisations named as backing it ("supported by …") and the
 * subject who proposed it ("VFC suggested …", "Grace will draft the ask …"), never ALL.
 */
export interface AskCandidate {
  block: ReadBlock
  start: number
  end: number
  text: string
  target: string | null
  supporters: string[]
  unknownSupporters: string[]
  status: AskStatus
  /** How sure the reading is, 0 to 1. */
  strength: number
  reason: string
}

interface Reading {
  text: string
  /** Offset in the sentence where the ask's words start, for finding its target. */
  at: number
  target: string | null
  strength: number
  reason: string
}

const ASK_OF =
  /^\s*(?:(?:joint|our|shared|coalition)\s+)?asks?\s+(?:of|to|for)\s+([^:]{2,80}?)\s*:\s*(.+)$/i
const ASK_LABEL = /^\s*(?:(?:joint|our|shared)\s+)?asks?\s*[:–-]\s*(.+)$/i
const ASKS_LEAD = /\basks?\b/i
const DECISION_LABEL = /^\s*(?:decisions?|decided|resolved)\s*[:–-]/i
const CALL_ON = /\bcall(?:s|ed|ing)?\s+(?:on|upon)\s+(.+?)\s+to\s+(\p{Ll}.+)$/iu
const ASK_TARGET_TO =
  /\b(?:ask|asking|urge|urging|press|pressing|lobby|lobbying|request|requesting|invite|inviting)\s+(.+?)\s+to\s+(\p{Ll}.+)$/iu
const WRITE_TO =
  /\bwrit(?:e|es|ing)\s+(?:jointly\s+)?to\s+(.+?)\s+(?:asking|to\s+ask|calling|urging|requesting)\s+(?:(?:them|it)\s+)?(?:for\s+|to\s+|that\s+)?(.+)$/i
/** "write to the council to express dismay at the closure of …": the concern is the ask. */
const WRITE_CONCERN =
  /\bwrit(?:e|es|ing)\s+(?:jointly\s+)?to\s+(.+?)\s+(?:to\s+express|expressing|to\s+raise|raising)\s+(?:[\p{L}-]+\s+){0,3}?(?:concerns?|support|opposition|dismay|alarm|objections?)\s+(?:at|about|over|regarding|on|to|for)\s+(.+)$/iu
/** "we want the council to …". */
const WANT_TO = /\bwe\s+(?:want|would\s+like|need|expect)\s+(.+?)\s+to\s+(\p{Ll}.+)$/iu
const ASK_NOUN =
  /\b(?:the\s+coalition['’]s|the\s+alliance['’]s|our|a|the)\s+(?:joint\s+|shared\s+|collective\s+)?ask\s+(?:for|that|to)\s+(.+)$/i
/** "call for", and the campaigns and petitions that make a call: "a petition for …". */
const CALL_FOR =
  /\b(?:call(?:s|ed|ing)?|campaign(?:s|ed|ing)?|petition(?:s|ed|ing)?)\s+for\s+(.+)$/i
const WEAK =
  /\b(?:ask(?:ed|ing|s)?\s+(?:whether|if|that|for)|(?:raised|highlighted|stressed|emphasised)\s+the\s+need\s+for|the\s+need\s+for|push(?:ing)?\s+for|lobby(?:ing)?\s+for|press(?:ing)?\s+for|priorities\s+for|make\s+the\s+case\s+(?:for|to))\s+/i
const WEAK_SUBJECT =
  /^(?:the\s+coalition|we|we\s+all|members|the\s+group|the\s+alliance)\s+(?:could|would|should|might|can)\s+(?:agree\s+|send\s+|have\s+)?/i
const CUT =
  /,\s+so\s+that\b|\s+[–-]\s+|;\s|\s+and\s+\p{Ll}+\s+(?:it|them|this)\b|\s*\((?:supported|backed|endorsed)\b/u
const SUPPORTED_BY = /\b(?:supported|backed|endorsed|signed)\s+by\s+([^.;)]*)/i
const PROPOSER =
  /^\s*(?:also\s+)?(?:suggested|proposed|raised|put\s+forward|called\s+for|asked\s+that|asked\s+for|urged|wants|will\s+draft|offered\s+to\s+draft|is\s+drafting|agreed\s+to\s+draft)\b/i
const BACKS =
  /^\s*(?:(?:also|both|all)\s+)?(?:support|supports|supported|back|backs|backed|endorse|endorses|endorsed)\b/i
const SENT = /\b(?:has|have)\s+(?:written|sent|submitted)\b|\b(?:was|were)\s+sent\b/i
const AGREED = /\bagreed\b|\bendorsed\b|\bsigned\s+off\b/i
const NOT_AGREED = /\bnot\s+(?:yet\s+)?(?:agreed|ready)|\bno\s+\w+\s+agreed\b|\bnot\s+everyone\b/i

export function findAsks(doc: ReadDocument, matcher: OwnerMatcher): AskCandidate[] {
  const found: AskCandidate[] = []
  for (const block of doc.blocks) {
    if (block.kind === 'heading' || block.row || block.inAttendance) continue
    const askList = block.kind === 'listItem' && block.lead !== null && ASKS_LEAD.test(block.lead)
    block.sentences.forEach((sentence, index) => {
      // "Key asks for the council's budget:" introduces its list; the items are the asks.
      if (DECISION_LABEL.test(sentence.text) || /:\s*$/.test(sentence.text)) return
      const reading = readAsk(sentence.text, askList && index === 0, block, sentence)
      if (!reading) return
      const text = tidy(reading.text)
      if (text === '') return
      const backing = supporters(block, sentence, matcher)
      const context = `${sentence.text} ${askList ? (block.lead ?? '') : ''}`
      found.push({
        block,
        start: sentence.start,
        end: sentence.end,
        text,
        target:
          reading.target ??
          targetIn(block, sentence, reading.at) ??
          (askList && block.lead ? findTargets(block.lead)[0]?.target : undefined) ??
          impliedTarget(text) ??
          impliedTarget(sentence.text),
        ...backing,
        status: SENT.test(sentence.text)
          ? 'sent'
          : AGREED.test(context) && !NOT_AGREED.test(context)
            ? 'agreed'
            : 'proposed',
        strength: reading.strength,
        reason: reading.reason,
      })
    })
  }
  return found
}

function readAsk(
  sentence: string,
  inAskList: boolean,
  block: ReadBlock,
  span: Span,
): Reading | undefined {
  const of = ASK_OF.exec(sentence)
  if (of) {
    const named = findTargets(of[1]!)[0]?.target ?? of[1]!.replace(/^the\s+/i, '').trim()
    return {
      text: of[2]!,
      at: sentence.length - of[2]!.length,
      target: named,
      strength: 0.9,
      reason: `"Ask of ${of[1]}:" line`,
    }
  }
  const label = ASK_LABEL.exec(sentence)
  if (label)
    return {
      text: label[1]!,
      at: sentence.length - label[1]!.length,
      target: null,
      strength: 0.9,
      reason: '"Ask:" line',
    }
  if (inAskList)
    return {
      text: sentence,
      at: 0,
      target: null,
      strength: 0.8,
      reason: `item of the list under "${block.lead}"`,
    }

  const exclude = entitySpans(block, span)
  for (const [pattern, name] of [
    [CALL_ON, 'call on'],
    [WRITE_CONCERN, 'write to'],
    [WRITE_TO, 'write to'],
    [WANT_TO, 'want'],
    [ASK_TARGET_TO, 'ask'],
  ] as const) {
    const m = pattern.exec(sentence)
    if (!m) continue
    const whoAt = m.index + m[0].indexOf(m[1]!)
    const known = findTargets(sentence, exclude).find(
      (t) => t.start >= whoAt && t.end <= whoAt + m[1]!.length,
    )
    // Any body outside the coalition: a name the minutes capitalise, not a member's.
    const named = known ? undefined : outsideBody(m[1]!, whoAt, exclude, block)
    const target = known?.target ?? named
    if (!target) continue
    return {
      text: m[2]!,
      at: sentence.length - m[2]!.length,
      target,
      strength: known ? 0.75 : 0.65,
      reason: `"${name}" ${known ? 'a public body' : 'a body outside the coalition'}: ${target}`,
    }
  }
  const noun = ASK_NOUN.exec(sentence) ?? CALL_FOR.exec(sentence)
  if (noun) {
    return {
      text: noun[1]!,
      at: sentence.length - noun[1]!.length,
      target: null,
      strength: 0.7,
      reason: `"${noun[0].split(/\s+(?:for|that|to)\s/)[0]}"`,
    }
  }
  const weak = WEAK.exec(sentence)
  if (weak) {
    const named = findTargets(sentence, exclude)
    if (named.length === 0 && !namesFiscalEvent(sentence)) return undefined
    const after = sentence.slice(weak.index + weak[0].length)
    const text = after.replace(WEAK_SUBJECT, '')
    return {
      text,
      at: sentence.length - text.length,
      target: null,
      strength: 0.6,
      reason: `"${weak[0].trim()}" naming ${named[0]?.target ?? 'a fiscal event'}`,
    }
  }
  return undefined
}

const GENERIC_BODY =
  /^(?:the\s+)?((?:\p{Lu}[\p{L}'’&-]*)(?:\s+(?:of|for|and|on|the|\p{Lu}[\p{L}'’&-]*))*)/u

/**
 * "the Committee", "Baroness Vere of Norbiton", "Acme Housing": capitalised words where an ask
 * names whom it asks, when they are none of the coalition's organisations or people. "The
 * Committee" is the longer name the block gives it, if any ("Joint Scrutiny Committee").
 */
function outsideBody(
  who: string,
  at: number,
  exclude: readonly { start: number; end: number }[],
  block: ReadBlock,
): string | undefined {
  const m = GENERIC_BODY.exec(who.trim())
  if (!m) return undefined
  const name = m[1]!.replace(/\s+(?:of|for|and|on|the)$/, '').trim()
  const start = at + who.indexOf(name)
  if (exclude.some((e) => e.start < start + name.length && start < e.end)) return undefined
  if (/^(?:I|We|They|He|She|It|This|That|All|Members|Everyone)$/i.test(name)) return undefined
  const head = name.split(/\s+/).at(-1)!
  const longer = new RegExp(`(?:\\p{Lu}[\\p{L}'’&-]*\\s+){1,6}${head}\\b`, 'u').exec(block.text)
  const full = longer?.[0].replace(/^The\s+/, '')
  return full && full.length > name.length ? full : name
}

function entitySpans(block: ReadBlock, sentence: Span): { start: number; end: number }[] {
  return block.entities
    .filter((e) => e.start >= sentence.start && e.end <= sentence.end)
    .map((e) => ({ start: e.start - sentence.start, end: e.end - sentence.start }))
}

function targetIn(block: ReadBlock, sentence: Span, at: number): string | null {
  const named = findTargets(sentence.text, entitySpans(block, sentence))
  return (named.find((t) => t.start >= at) ?? named[0])?.target ?? null
}

function supporters(
  block: ReadBlock,
  sentence: Span,
  matcher: OwnerMatcher,
): { supporters: string[]; unknownSupporters: string[] } {
  const ids = new Set<string>()
  const unknown: string[] = []
  const inSentence = block.entities.filter(
    (e) => e.start >= sentence.start && e.end <= sentence.end,
  )
  const by = SUPPORTED_BY.exec(sentence.text)
  if (by) {
    const from = sentence.start + by.index + by[0].indexOf(by[1]!)
    const to = from + by[1]!.length
    const named = inSentence.filter((e) => e.start >= from && e.end <= to)
    named.forEach((e) => addIds(ids, e))
    let rest = block.text.slice(from, to)
    for (const e of named) rest = rest.replace(e.text, ',')
    for (const piece of rest.split(/,|\band\b|&/)) {
      const name = piece.trim()
      if (/^\p{Lu}/u.test(name)) unknown.push(name)
    }
  }
  const subject = sentenceSubject(block, sentence, matcher)
  if (subject && PROPOSER.test(block.text.slice(subject.end, sentence.end))) {
    subject.owners.filter((id) => id !== ALL).forEach((id) => ids.add(id))
  }
  for (const entity of inSentence) {
    if (BACKS.test(block.text.slice(entity.end, sentence.end))) addIds(ids, entity)
  }
  return { supporters: [...ids], unknownSupporters: unknown }
}

function addIds(ids: Set<string>, entity: Entity): void {
  entity.organisationIds.filter((id) => id !== ALL).forEach((id) => ids.add(id))
}

function tidy(text: string): string {
  const cut = CUT.exec(text)
  return (cut ? text.slice(0, cut.index) : text)
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.!?]+$/, '')
    .trim()
}
