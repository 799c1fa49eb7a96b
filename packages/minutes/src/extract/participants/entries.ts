import type { Attendee, NamedOrganisation } from './attendance.ts'

/**
 * One line (or run) of attendance read into people: the names in it, their organisations
 * ("Name – Org", "Name (Org, role)", "Org (Name)", "A, B and C (Org)"), the initials and roles
 * written beside them, and whether an empty checkbox marks them absent.
 */
const NAME_WORD =
  "(?:\\p{Lu}[\\p{Ll}'’-]*\\p{Ll}[\\p{L}'’-]*|\\p{Lu}\\p{Ll}?\\p{Lu}\\p{Ll}+|\\p{Lu}\\.?)"
const TITLE =
  '(?:(?:Cllr|Councillor|Dr|Prof|Mr|Mrs|Ms|Miss|Mx|PC|Sgt|Rev|Sir|Dame|Lord|Lady|Baroness)\\.?\\s+)'
const NAME = new RegExp(
  `${TITLE}?${NAME_WORD}(?:\\s+\\([\\p{L}]+\\))?(?:\\s+${NAME_WORD}){1,3}|${TITLE}${NAME_WORD}`,
  'gu',
)
/** Words that make a capitalised run a role, a place or a body rather than a person's name. */
const NOT_NAME = new RegExp(
  '\\b(?:Chair|Chairperson|Chairman|Vice|Secretary|Treasurer|Director|Manager|Officer|Lead|Leader|Member|Members|Representative|Representatives|Minister|Deputy|Head|Co-?ordinator|Chief|Executive|Strategic|Service|Services|Partnership|Resident|Independent|Board|Committee|Group|Team|Unit|Council|Trust|Association|Network|Forum|University|Office|Government|Department|Staff|Attendees|Apologies|Present|None|Agenda|Minutes|Health|Police|Public|Poverty|Waste|Food|Project|Projects|Foundation|Working|Commissioner|Society|Studios|Inc|Ltd|Limited|Corporation|Company|Welcome|Introductions|Also|Non|Lay|Advisor|Adviser|Consultant|Clerk|Governor|Trustee|Trustees|Volunteer|Co-?Chair|Co-?Lead)\\b',
  'u',
)
/** Initials as a cell or in brackets: "(JA)", "| JA |", "– DMcK". */
const INITIALS = /(?:^|[\s(|/–-])(\p{Lu}{1,2}(?:\p{Ll}{1,2})?\p{Lu}{1,2})(?=[\s)|/–,;-]|$)/gu
const CHECKBOX = /^\s*\[( |x|X)\]\s*/
/** Roles in a meeting, as written and as the matcher names them ("the Chair will…"). */
const ROLE =
  /\b(vice[-\s]?chair(?:person|man|woman)?|co-?chair(?:person)?|chair(?:person|man|woman)?|chaired\s+by|secretary|secretariat|treasurer|clerk|minutes?\s+taken\s+by|minute[-\s]?taker|note[-\s]?taker)\b/gi

/** "Chairperson" → "chair", "Minutes taken by" → "minute taker". */
export function roleName(written: string): string {
  const word = written.toLowerCase().replace(/\s+/g, ' ')
  if (/^vice/.test(word)) return 'vice chair'
  if (/^co-?chair/.test(word)) return 'co-chair'
  if (/^chair/.test(word)) return 'chair'
  if (/minute|note/.test(word)) return 'minute taker'
  return word
}

interface Item {
  kind: 'name' | 'organisation'
  start: number
  end: number
  text: string
  organisationIds: string[]
}

export interface Entries {
  names: Attendee[]
  /** Organisations the text names with no person beside them. */
  organisations: string[]
  /** Every organisation named, with or without a person. */
  loose: string[]
}

export function parseEntries(
  raw: string,
  present: boolean,
  organisationsIn: (text: string) => NamedOrganisation[],
  role: string | null = null,
): Entries {
  const box = CHECKBOX.exec(raw)
  const isPresent = box ? box[1] !== ' ' : present
  const text = box ? raw.slice(box[0].length) : raw
  const items = itemsOf(text, organisationsIn)
  const names: Attendee[] = []
  const loose = [
    ...new Set(items.filter((i) => i.kind === 'organisation').flatMap((i) => i.organisationIds)),
  ]

  items.forEach((item, index) => {
    if (item.kind !== 'name') return
    const attendee: Attendee = {
      name: item.text.replace(/\s+/g, ' '),
      organisationIds: organisationFor(text, items, index),
      initials: [],
      roles: role ? [role] : writtenRoles(text, items, index),
      handles: writtenHandles(text, items, index),
      present: isPresent,
    }
    const initials = writtenInitials(text, items, index)
    if (initials) attendee.initials.push(initials)
    names.push(attendee)
  })
  const organisations = names.length === 0 ? loose : []
  return { names, organisations, loose }
}

function itemsOf(text: string, organisationsIn: (text: string) => NamedOrganisation[]): Item[] {
  const orgs: Item[] = organisationsIn(text).map((o) => ({
    kind: 'organisation',
    start: o.start,
    end: o.end,
    text: text.slice(o.start, o.end),
    organisationIds: o.organisationIds,
  }))
  const names: Item[] = []
  // Names never run across an organisation: "Riverside Food Bank Li Wei" is an organisation
  // and then a name.
  let masked = text
  for (const org of orgs) {
    masked = masked.slice(0, org.start) + '|'.repeat(org.end - org.start) + masked.slice(org.end)
  }
  for (const m of masked.matchAll(NAME)) {
    if (!isName(m[0])) continue
    names.push({
      kind: 'name',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      organisationIds: [],
    })
  }
  // A single capitalised word in brackets after an organisation: "ABC (Priya)".
  for (const org of orgs) {
    const bracket = /^\s*\((\p{Lu}[\p{Ll}'’-]+)\)/u.exec(text.slice(org.end))
    if (!bracket) continue
    const start = org.end + bracket[0].indexOf(bracket[1]!)
    if (names.some((n) => n.start <= start && start < n.end)) continue
    names.push({
      kind: 'name',
      start,
      end: start + bracket[1]!.length,
      text: bracket[1]!,
      organisationIds: [],
    })
  }
  return [...orgs, ...names].sort((a, b) => a.start - b.start)
}

/**
 * Initials written for the name at `index`, between it and the next name: capitals that are
 * no organisation and start with the name's first letter.
 */
/** Roles written for the name at `index`, between it and the next name: "(Chair)", "- Chairperson". */
function writtenRoles(text: string, items: readonly Item[], index: number): string[] {
  const item = items[index]!
  const next = items.slice(index + 1).find((i) => i.kind === 'name')
  const segment = text.slice(item.end, next?.start ?? text.length)
  return [...new Set([...segment.matchAll(ROLE)].map((m) => roleName(m[1]!)))]
}

/**
 * Handles written for the name at `index`: "@jashby", or a cell of its row that is one
 * lower-case identifier ("| jashby |"), as attendance tables of online meetings have.
 */
function writtenHandles(text: string, items: readonly Item[], index: number): string[] {
  const item = items[index]!
  const next = items.slice(index + 1).find((i) => i.kind === 'name')
  const segment = text.slice(item.end, next?.start ?? text.length)
  const handles = [...segment.matchAll(/(?:^|\s)@([\w-]{2,39})\b/g)].map((m) => m[1]!)
  for (const cell of segment.split(/\s[|–]\s|\t/)) {
    const word = cell.trim()
    // One identifier, not a capitalised word ("Apologies"), an acronym ("ACR") nor a mark
    // ("x", "he/him").
    if (
      /^[A-Za-z][\w-]{2,38}$/.test(word) &&
      !/^\p{Lu}\p{Ll}*$/u.test(word) &&
      word !== word.toUpperCase()
    )
      handles.push(word)
  }
  return [...new Set(handles)]
}

function writtenInitials(text: string, items: readonly Item[], index: number): string | undefined {
  const item = items[index]!
  const next = items.slice(index + 1).find((i) => i.kind === 'name')
  const segment = text.slice(item.end, next?.start ?? text.length)
  const firstLetter = item.text.replace(TITLE_WORDS, '').trim()[0]
  for (const m of segment.matchAll(INITIALS)) {
    const at = item.end + m.index + m[0].indexOf(m[1]!)
    if (items.some((o) => o.kind === 'organisation' && o.start <= at && at < o.end)) continue
    if (m[1]![0] === firstLetter) return m[1]!
  }
  return undefined
}

const TITLE_WORDS = new RegExp(`^${TITLE}`, 'u')

function isName(text: string): boolean {
  const words = text.trim().split(/\s+/)
  if (words.length === 0 || words[0] === '') return false
  return !NOT_NAME.test(text) && words.some((w) => /\p{Ll}/u.test(w))
}

/**
 * The organisation an entry gives a name: brackets right after it ("Name (Org, role)"), the
 * next organisation before the next name ("Name – Role, Org"), the organisation a bracketed
 * group closes with ("A, B and C (Org)"), or the one the name is in brackets after ("Org (Name)").
 */
function organisationFor(text: string, items: readonly Item[], index: number): string[] {
  const item = items[index]!
  const before = items[index - 1]
  if (before?.kind === 'organisation' && /^\s*\(\s*$/.test(text.slice(before.end, item.start))) {
    return before.organisationIds
  }
  for (let i = index + 1; i < items.length; i++) {
    const next = items[i]!
    const between = text.slice(items[i - 1]!.end, next.start)
    if (next.kind === 'organisation') return next.organisationIds
    // Another name: only a group joined by commas and "and" may share an organisation after it.
    if (!/^\s*(?:,|and|&)\s*(?:and\s+)?$/i.test(between)) return []
  }
  return []
}
