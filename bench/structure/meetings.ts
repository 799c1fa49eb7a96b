/**
 * Meetings for scenario S1, built from the sample minutes bundled with the server
 * (apps/server/src/demo/samples): each is about 3,000 words of varied copies of the samples,
 * organisations swapped and dates moved so that no two copies read alike. Seeded, so every run
 * projects the same text.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { JSONContent } from '@tiptap/core'
import type * as Y from 'yjs'
import { MINUTES_FIELD } from '@accord/minutes'
import { importMinutes, minutesToUpdate, type MinutesFormat } from '@accord/minutes/import'
import { repoRoot } from '../traces.ts'

export const samplesDir = path.join(repoRoot, 'apps/server/src/demo/samples')

const SAMPLES: { file: string; format: MinutesFormat }[] = [
  { file: 'fortnightly-call.md', format: 'markdown' },
  { file: 'pay-campaign.txt', format: 'text' },
  { file: 'reform-alliance.md', format: 'markdown' },
]

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

export interface SampleOrganisation {
  name: string
  shortName: string
  aliases: string[]
}

export interface Coalition {
  name: string
  organisations: SampleOrganisation[]
  people: { name: string; organisation: string }[]
}

export interface BenchMeeting {
  title: string
  /** YYYY-MM-DD. */
  date: string
  /** The Yjs update of the meeting's document, as an import would store it. */
  update: Uint8Array
  words: number
  /** Index in the minutes fragment of the paragraph that edits rewrite (see `editText`). */
  editBlock: number
}

export function loadCoalition(): Coalition {
  const file = JSON.parse(fs.readFileSync(path.join(samplesDir, 'organisations.json'), 'utf8')) as {
    coalition: string
    organisations: { name: string; short: string; aliases?: string[] }[]
    people?: { name: string; organisation: string }[]
  }
  return {
    name: file.coalition,
    organisations: file.organisations.map((o) => ({
      name: o.name,
      shortName: o.short,
      aliases: o.aliases ?? [],
    })),
    people: file.people ?? [],
  }
}

/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Rewrites one copy of a sample: every organisation's name, short name and aliases become those
 * of another organisation of the coalition (a seeded permutation, so the owners stay
 * recognisable), and every "12 March" moves by a seeded number of days and months.
 */
function vary(source: string, organisations: readonly SampleOrganisation[], next: () => number) {
  const image = shuffled(organisations, next)
  const replacement = new Map<string, string>()
  organisations.forEach((from, i) => {
    const to = image[i]!
    replacement.set(from.name.toLowerCase(), to.name)
    replacement.set(from.shortName.toLowerCase(), to.shortName)
    // An alias becomes the other organisation's first alias, or its short name.
    for (const alias of from.aliases) {
      replacement.set(alias.toLowerCase(), to.aliases[0] ?? to.shortName)
    }
  })
  const terms = [...replacement.keys()].sort((a, b) => b.length - a.length)
  const names = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  )
  const dayShift = Math.floor(next() * 27)
  const monthShift = Math.floor(next() * 12)
  const dates = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')})\\b`, 'g')
  return source
    .replace(names, (match) => replacement.get(match.toLowerCase()) ?? match)
    .replace(dates, (_, day: string, month: string) => {
      const d = ((Number(day) - 1 + dayShift) % 28) + 1
      const m = MONTHS[(MONTHS.indexOf(month) + monthShift) % 12]!
      return `${d} ${m}`
    })
}

function textOf(node: JSONContent): string {
  return node.text ?? (node.content ?? []).map(textOf).join(' ')
}

export const countWords = (node: JSONContent) => textOf(node).split(/\s+/).filter(Boolean).length

/** The sentence the paragraph at `editBlock` holds after edit `n`: one action whose text varies. */
export function editText(n: number, organisations: readonly SampleOrganisation[]): string {
  const next = random(0x5eed + n)
  const owner = organisations[Math.floor(next() * organisations.length)]!.shortName
  const day = 1 + Math.floor(next() * 28)
  const month = MONTHS[Math.floor(next() * 12)]!
  const padding = ' and share it with every member'.repeat(Math.floor(next() * 3))
  return `${owner} will circulate revision ${n} of the briefing by ${day} ${month}${padding}.`
}

/** Edit `n` of a loaded meeting: its paragraph at `editBlock` rewritten to `editText(n, …)`. */
export function rewriteEditBlock(
  doc: Y.Doc,
  meeting: BenchMeeting,
  n: number,
  organisations: readonly SampleOrganisation[],
): void {
  const paragraph = doc.getXmlFragment(MINUTES_FIELD).get(meeting.editBlock) as Y.XmlElement
  const text = paragraph.get(0) as Y.XmlText
  doc.transact(() => {
    text.delete(0, text.length)
    text.insert(0, editText(n, organisations))
  })
}

/**
 * One meeting of about `targetWords` words: whole blocks of varied sample copies, in a seeded
 * order, until the count is reached; one paragraph in the middle is the one edits rewrite.
 */
export function buildMeeting(
  index: number,
  coalition: Coalition,
  { targetWords = 3000, seed = 1 } = {},
): BenchMeeting {
  const next = random(seed * 1000 + index)
  const sources = SAMPLES.map((sample) => ({
    ...sample,
    text: fs.readFileSync(path.join(samplesDir, sample.file), 'utf8'),
  }))
  const content: JSONContent[] = []
  let words = 0
  for (let copy = 0; words < targetWords; copy++) {
    const sample = sources[Math.floor(next() * sources.length)]!
    const minutes = importMinutes(vary(sample.text, coalition.organisations, next), sample.format)
    for (const block of minutes.content ?? []) {
      if (words >= targetWords) break
      content.push(block)
      words += countWords(block)
    }
  }
  const editBlock = Math.floor(content.length / 2)
  const edit: JSONContent = {
    type: 'paragraph',
    content: [{ type: 'text', text: editText(0, coalition.organisations) }],
  }
  content.splice(editBlock, 0, edit)
  words += countWords(edit)
  // Fortnightly, from the first Tuesday of 2025.
  const date = new Date(Date.UTC(2025, 0, 7 + 14 * index)).toISOString().slice(0, 10)
  return {
    title: `Coalition meeting ${index + 1}`,
    date,
    update: minutesToUpdate({ type: 'doc', content }),
    words,
    editBlock,
  }
}
