import * as chrono from 'chrono-node'
import {
  addDays,
  fridayOfWeek,
  weekdayOfWeek,
  isoFromParts,
  lastDayOfMonth,
  nextDayOfMonth,
  nextMonthDay,
  parseIsoDate,
  toIsoDate,
} from './calendar.ts'

/**
 * Due dates in minutes are written relative to the meeting ("by Friday", "next week", "before
 * the next call"). `resolveDue` finds the date words in one sentence and resolves them against
 * the meeting date. The rules, in the order they are tried on each stretch of text:
 *
 * - "the next call/meeting" or "the July meeting": a date written right after it ("(18 March)",
 *   ": 26 November"), else, for the next one (or "the July meeting" when the next is in July),
 *   `hints.nextMeeting` (the date the minutes give for the next meeting), else unresolved.
 * - "this week" and "(the) end of the week": the Friday of the meeting's week.
 *   "next week": the meeting date + 7 days (a week's notice, as chairs read it).
 *   "end of next week": the Friday of the following week. "(over) the next fortnight", "within a fortnight": + 14 days.
 * - "before/by Christmas" and "Christmas Eve": 24 December; "Christmas (Day)": 25 December.
 * - "mid-April": the 15th. "the middle of next week": the Wednesday of next week.
 * - "Monday 14th": the day number, whatever weekday the writer thought it was.
 * - "April 16" (no year after it): 16 April, not April 2016 as chrono's British parser reads.
 * - everything else chrono-node's British English parser reads ("Friday"; "next Monday" is the
 *   Monday of next week;
 *   "20 March", "end of the month", "end of February", "in two weeks"), forward from the
 *   meeting date at noon UTC. A bare month is its last day ("in May"), or its first day after
 *   "by" ("by May"). Times of day alone are ignored.
 * - "the 20th" (a day of the month without a month): its next occurrence.
 * - "on budget day" / "before the Spending Review": date words with no date of their own, kept
 *   as `dueText` with `due: null` for the caller to resolve from elsewhere or flag.
 *
 * Not deadlines, so passed over: a date that says when something was or began ("the minutes
 * of 20 August", "the workshop from 10th March", "dated 3 May"), "now" and "today", vague
 * spans ("in a couple of months", "in the coming weeks") and units alone ("the minutes").
 *
 * Where a sentence holds several, the first one introduced by "by", "before", "due", "until"
 * or "no later than" wins, else the first. Resolved dates are never before the meeting date.
 */
export interface DueHints {
  /** The date of the next meeting, where the minutes give one. */
  nextMeeting?: string | null
}

export interface ResolvedDue {
  due: string | null
  dueText: string | null
}

interface Candidate {
  index: number
  end: number
  text: string
  due: string | null
}

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec'
const MONTH_INDEX: Record<string, number> = Object.fromEntries(
  MONTHS.split('|').map((name) => [
    name,
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
      name.slice(0, 3),
    ) + 1,
  ]),
)

/** "the next call", "the July meeting": a meeting, dated where the text gives a date after it. */
const NEXT_MEETING = new RegExp(
  `\\b(?:the\\s+)?(?:next|${MONTHS})\\s+(?:call|meeting|session|catch[- ]up)\\b`,
  'gi',
)
const DATE_AFTER_NEXT_MEETING = /^\s*(?:\(|:\s*|,\s*|on\s+|[–-]\s*)?/i
const END_OF_NEXT_WEEK = /\b(?:the\s+)?end\s+of\s+next\s+week\b/gi
const END_OF_WEEK = /\b(?:the\s+)?end\s+of\s+(?:the|this)\s+week\b/gi
const THIS_WEEK = /\bthis\s+week\b/gi
const NEXT_WEEK = /\bnext\s+week\b/gi
const MIDDLE_OF_NEXT_WEEK = /\b(?:the\s+)?(?:middle\s+of\s+next\s+week|mid[-\s]?next\s+week)\b/gi
const WEEKDAY_WITH_DAY = new RegExp(
  `\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s+(?:of\\s+)?(?:${MONTHS})\\b)`,
  'gi',
)
/** "April 16": British chrono reads a year (2016); minutes mean the day. */
const MONTH_DAY = new RegExp(
  `\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*,?\\s*\\d{4}|\\s*[:.]\\d)`,
  'gi',
)
/** Words before a date that make it the date of something, not a deadline. */
const NOT_DEADLINE_BEFORE = /\b(?:from|of|dated|since|held\s+on|took\s+place\s+on)\s+(?:the\s+)?$/i
/** What chrono reads as a date but a chair would not: "now", "today", "a couple of months". */
const NOT_A_DATE =
  /^(?:now|today|tonight|this\s+(?:morning|afternoon|evening)|(?:the\s+)?(?:minutes?|hours?|seconds?))$|\b(?:couple|few|several|coming|some)\b/i
const FORTNIGHT = /\b(?:within|in|over)\s+(?:a|one|the\s+next)\s+fortnight\b/gi
const CHRISTMAS = /\b(?:(?:before|by)\s+Christmas|Christmas\s+Eve)\b|\bChristmas(?:\s+Day)?\b/gi
const MID_MONTH = new RegExp(`\\bmid[-\\s]?(${MONTHS})\\b`, 'gi')
const ORDINAL_DAY = new RegExp(
  `\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?(?:${MONTHS})\\b)`,
  'gi',
)
const EVENT_DAY = /\b(?:on|by|before)\s+(?:the\s+)?([a-z][\w-]*)\s+day\b/gi
const NOT_EVENTS = new Set(['the', 'that', 'this', 'same', 'next', 'one', 'a', 'every', 'each'])
const BEFORE_EVENT =
  /\b(?:before|ahead\s+of|in\s+time\s+for)\s+the\s+((?:[A-Z][\w'-]*\s*){1,4}|second\s+reading|third\s+reading|election)\b/g
const DEADLINE_WORD = /\b(?:by|before|due|until|till|no\s+later\s+than|deadline:?)\s*$/i

const parser = chrono.en.GB

/** Sentences resolved lately: the same sentence is read for its own dates and for others'. */
const resolved = new Map<string, ResolvedDue>()
const RESOLVED_KEPT = 2000

/** Finds and resolves the due-date words of one sentence. Never throws. */
export function resolveDue(text: string, meetingDate: string, hints: DueHints = {}): ResolvedDue {
  const key = `${meetingDate}\u0000${hints.nextMeeting ?? ''}\u0000${text}`
  const known = resolved.get(key)
  if (known) return known
  const result = resolveNow(text, meetingDate, hints)
  if (resolved.size >= RESOLVED_KEPT) resolved.delete(resolved.keys().next().value!)
  resolved.set(key, result)
  return result
}

function resolveNow(text: string, meetingDate: string, hints: DueHints): ResolvedDue {
  try {
    const meeting = parseIsoDate(meetingDate)
    const candidates = (meeting ? findCandidates(text, meeting, hints) : []).filter(
      (c) => !NOT_DEADLINE_BEFORE.test(text.slice(Math.max(0, c.index - 20), c.index)),
    )
    const chosen =
      candidates.find((c) => DEADLINE_WORD.test(text.slice(Math.max(0, c.index - 20), c.index))) ??
      candidates[0]
    if (!chosen) return { due: null, dueText: null }
    const due = chosen.due !== null && chosen.due >= meetingDate ? chosen.due : null
    return { due, dueText: chosen.text.trim() }
  } catch {
    return { due: null, dueText: null }
  }
}

function findCandidates(text: string, meeting: Date, hints: DueHints): Candidate[] {
  const found: Candidate[] = []
  const add = (candidate: Candidate) => {
    if (!found.some((c) => c.index < candidate.end && candidate.index < c.end))
      found.push(candidate)
  }
  const each = (pattern: RegExp, resolve: (m: RegExpExecArray) => string | null) => {
    for (const m of text.matchAll(pattern)) {
      add({ index: m.index, end: m.index + m[0].length, text: m[0], due: resolve(m) })
    }
  }

  for (const m of text.matchAll(NEXT_MEETING)) add(nextMeeting(text, m, meeting, hints))
  each(END_OF_NEXT_WEEK, () => toIsoDate(fridayOfWeek(addDays(meeting, 7))))
  each(END_OF_WEEK, () => toIsoDate(fridayOfWeek(meeting)))
  each(THIS_WEEK, () => toIsoDate(fridayOfWeek(meeting)))
  each(MIDDLE_OF_NEXT_WEEK, () => toIsoDate(weekdayOfWeek(addDays(meeting, 7), 2)))
  each(NEXT_WEEK, () => toIsoDate(addDays(meeting, 7)))
  each(FORTNIGHT, () => toIsoDate(addDays(meeting, 14)))
  each(CHRISTMAS, (m) =>
    toIsoDate(nextMonthDay(meeting, 12, /day$/i.test(m[0]) || /^Christmas$/i.test(m[0]) ? 25 : 24)),
  )
  each(MID_MONTH, (m) => toIsoDate(nextMonthDay(meeting, MONTH_INDEX[m[1]!.toLowerCase()]!, 15)))
  each(MONTH_DAY, (m) => {
    const day = Number(m[2])
    if (day < 1 || day > 31) return null
    return toIsoDate(nextMonthDay(meeting, MONTH_INDEX[m[1]!.toLowerCase()]!, day))
  })
  each(WEEKDAY_WITH_DAY, (m) => {
    const date = nextDayOfMonth(meeting, Number(m[1]))
    return date ? toIsoDate(date) : null
  })
  for (const result of parser.parse(
    text,
    { instant: noon(meeting), timezone: 0 },
    { forwardDate: true },
  )) {
    const due = NOT_A_DATE.test(result.text.trim()) ? undefined : chronoDate(result, text)
    if (due !== undefined) {
      add({ index: result.index, end: result.index + result.text.length, text: result.text, due })
    }
  }
  each(ORDINAL_DAY, (m) => {
    const date = nextDayOfMonth(meeting, Number(m[1]))
    return date ? toIsoDate(date) : null
  })
  for (const m of text.matchAll(EVENT_DAY)) {
    if (NOT_EVENTS.has(m[1]!.toLowerCase())) continue
    const start = m.index + m[0].indexOf(m[1]!)
    add({
      index: start,
      end: m.index + m[0].length,
      text: text.slice(start, m.index + m[0].length),
      due: null,
    })
  }
  each(BEFORE_EVENT, () => null)
  return found.sort((a, b) => a.index - b.index)
}

function nextMeeting(
  text: string,
  match: RegExpExecArray,
  meeting: Date,
  hints: DueHints,
): Candidate {
  const index = match.index
  const end = index + match[0].length
  const after = text.slice(end, end + 40)
  const lead = DATE_AFTER_NEXT_MEETING.exec(after)
  if (lead) {
    MONTH_DAY.lastIndex = 0
    const monthDay = MONTH_DAY.exec(after)
    if (monthDay && monthDay.index === lead[0].length) {
      const date = nextMonthDay(
        meeting,
        MONTH_INDEX[monthDay[1]!.toLowerCase()]!,
        Number(monthDay[2]),
      )
      const stop = end + monthDay.index + monthDay[0].length
      return { index, end: stop, text: text.slice(index, stop), due: toIsoDate(date) }
    }
    const [result] = parser.parse(
      after,
      { instant: noon(meeting), timezone: 0 },
      { forwardDate: true },
    )
    const due = result && result.index <= lead[0].length ? chronoDate(result, after) : undefined
    if (result && due) {
      let stop = end + result.index + result.text.length
      if (lead[0].trim() === '(' && text[stop] === ')') stop++
      return { index, end: stop, text: text.slice(index, stop), due }
    }
  }
  // "The next meeting" is the one the minutes may date elsewhere; "the December meeting" is it
  // only when the next meeting falls in December.
  const isNext = /\bnext\b/i.test(match[0])
  const month =
    MONTH_INDEX[
      /\b([a-z]+)\s+(?:call|meeting|session|catch)/i.exec(match[0])?.[1]?.toLowerCase() ?? ''
    ]
  const next = hints.nextMeeting ?? null
  const inMonth = month !== undefined && next !== null && Number(next.slice(5, 7)) === month
  return { index, end, text: match[0], due: isNext || inMonth ? next : null }
}

function noon(date: Date): Date {
  return new Date(date.getTime() + 12 * 3_600_000)
}

/** The ISO date of a chrono result; undefined when it names no day (a time, a year alone). */
function chronoDate(result: chrono.ParsedResult, text: string): string | null | undefined {
  const start = result.start
  const year = start.get('year')
  const month = start.get('month')
  const day = start.get('day')
  if (year === null || month === null || day === null) return undefined
  if (start.isCertain('day') || start.isCertain('weekday') || isRelative(result)) {
    return isoFromParts(year, month, day)
  }
  if (start.isCertain('month')) {
    const before = text.slice(Math.max(0, result.index - 4), result.index)
    return /\bby\s*$/i.test(before)
      ? isoFromParts(year, month, 1)
      : toIsoDate(lastDayOfMonth(year, month))
  }
  return undefined
}

function isRelative(result: chrono.ParsedResult): boolean {
  return /\b(?:week|weeks|month|months|days|tomorrow|today|fortnight)\b/i.test(result.text)
}
