import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { JSONContent } from '@tiptap/core'
import { importMinutes, minutesToUpdate, type MinutesFormat } from '@accord/minutes/import'
import { z } from 'zod'

/**
 * The samples the demo uses: the project's sample minutes, bundled with the server so that a
 * clone builds the demo wherever it sits.
 */
export const DEFAULT_SAMPLES_DIR = fileURLToPath(new URL('samples', import.meta.url))

/** The demo's people get addresses at this reserved (RFC 2606) domain. */
export const DEMO_EMAIL_DOMAIN = 'northshire.example'

export interface DemoOrganisation {
  name: string
  shortName: string
  aliases: string[]
}

export interface DemoPerson {
  name: string
  email: string
  /** The canonical name of the person's organisation. */
  organisationName: string
}

export interface DemoMeeting {
  title: string
  /** YYYY-MM-DD. */
  date: string
  /** The sample the minutes come from, relative to the samples folder. */
  file: string
  /** The minutes as imported, before anyone reviewed their suggestions. */
  minutes: JSONContent
  /** A Yjs update holding the minutes, for the meeting's document store. */
  update: Uint8Array
  /** Short names of the organisations on the minutes' attendance line, in its order. */
  attendingShortNames: string[]
}

export interface DemoCoalition {
  name: string
  organisations: DemoOrganisation[]
  people: DemoPerson[]
  meetings: DemoMeeting[]
}

/** The sample minutes, with a title for minutes that have no heading. */
const SAMPLE_MEETINGS: { file: string; format: MinutesFormat; fallbackTitle: string }[] = [
  { file: 'pay-campaign.txt', format: 'text', fallbackTitle: 'Care Workforce Pay Campaign' },
  { file: 'reform-alliance.md', format: 'markdown', fallbackTitle: 'Reform alliance' },
  { file: 'fortnightly-call.md', format: 'markdown', fallbackTitle: 'Fortnightly call' },
]

const name = z.string().trim().min(1, 'cannot be empty').max(120, 'at most 120 characters')

const organisationsFileSchema = z
  .object({
    coalition: name,
    organisations: z
      .array(
        z.object({
          name,
          short: z.string().trim().min(1, 'cannot be empty').max(16, 'at most 16 characters'),
          aliases: z.array(name).default([]),
        }),
      )
      .min(1, 'list at least one organisation'),
    people: z.array(z.object({ name, organisation: name })).default([]),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>()
    file.organisations.forEach((organisation, index) => {
      for (const term of [organisation.name, organisation.short, ...organisation.aliases]) {
        const other = seen.get(normalise(term))
        if (other !== undefined && other !== index) {
          ctx.addIssue({
            code: 'custom',
            path: ['organisations', index],
            message: `"${term}" already names organisation ${other}`,
          })
        }
        seen.set(normalise(term), index)
      }
    })
    file.people.forEach((person, index) => {
      if (!seen.has(normalise(person.organisation))) {
        ctx.addIssue({
          code: 'custom',
          path: ['people', index, 'organisation'],
          message: `"${person.organisation}" is not one of the organisations`,
        })
      }
    })
  })

const goldSchema = z.object({
  meetingDate: z.iso.date({ message: 'meetingDate must be a calendar date as YYYY-MM-DD' }),
})

/**
 * Builds the demo coalition from sample minutes: the coalition's organisations and people
 * from `organisations.json`, and a meeting per sample with its minutes as a Yjs update, its
 * date from the sample's `.gold.json` and its attendance from the minutes' "Present:" line.
 * Throws, naming the file, when a file is missing or malformed.
 */
export function loadDemoCoalition(samplesDir: string = DEFAULT_SAMPLES_DIR): DemoCoalition {
  const file = readJson(samplesDir, 'organisations.json', organisationsFileSchema)
  const organisations = file.organisations.map((organisation): DemoOrganisation => ({
    name: organisation.name,
    shortName: organisation.short,
    aliases: organisation.aliases,
  }))
  const byTerm = new Map(
    organisations.flatMap((organisation) =>
      organisationTerms(organisation).map((term) => [normalise(term), organisation] as const),
    ),
  )

  const emails = new Set<string>()
  const people = file.people.map((person): DemoPerson => {
    const email = demoEmail(person.name)
    if (emails.has(email)) {
      throw new Error(
        `${join(samplesDir, 'organisations.json')}: two people would share the address ${email}`,
      )
    }
    emails.add(email)
    return {
      name: person.name,
      email,
      organisationName: byTerm.get(normalise(person.organisation))!.name,
    }
  })

  const meetings = SAMPLE_MEETINGS.map(
    ({ file: minutesFile, format, fallbackTitle }): DemoMeeting => {
      const source = readFileSync(join(samplesDir, minutesFile), 'utf8')
      const goldFile = minutesFile.replace(/\.[^.]+$/, '.gold.json')
      const { meetingDate } = readJson(samplesDir, goldFile, goldSchema)
      const minutes = importMinutes(source, format)
      return {
        title: firstHeading(minutes) ?? fallbackTitle,
        date: meetingDate,
        file: minutesFile,
        minutes,
        update: minutesToUpdate(minutes),
        attendingShortNames: findAttendance(source, organisations),
      }
    },
  ).sort((a, b) => a.date.localeCompare(b.date))

  return { name: file.coalition, organisations, people, meetings }
}

/** `Priya` → `priya@northshire.example`. */
export function demoEmail(personName: string): string {
  const local = personName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
  return `${local || 'member'}@${DEMO_EMAIL_DOMAIN}`
}

const ATTENDANCE_LINE = /^(?:present|attendees|attending|in attendance)\s*:\s*(.*)$/i

/**
 * Short names of the organisations named on the minutes' attendance line ("Present:", or
 * its variants "Attendees:", "Attending:", "In attendance:"), in the order named. Names,
 * short names and aliases match case-insensitively as whole words, longest first, so that
 * "Carers Network Northshire" is not also read as its alias "Carers Network". No attendance
 * line, no attendance.
 */
export function findAttendance(source: string, organisations: DemoOrganisation[]): string[] {
  const line = source
    .split(/\r?\n/)
    .map((raw) => raw.replace(/[*_`]/g, '').replace(/^[\s#>-]+/, ''))
    .map((raw) => ATTENDANCE_LINE.exec(raw)?.[1])
    .find((list) => list !== undefined)
  if (line === undefined) return []

  let rest = normalise(line)
  const found: { at: number; shortName: string }[] = []
  const terms = organisations
    .flatMap((organisation) =>
      organisationTerms(organisation).map((term) => ({ term, organisation })),
    )
    .sort((a, b) => b.term.length - a.term.length)
  for (const { term, organisation } of terms) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(normalise(term))}(?![\\p{L}\\p{N}])`,
      'gu',
    )
    rest = rest.replace(pattern, (match, at: number) => {
      if (!found.some((f) => f.shortName === organisation.shortName)) {
        found.push({ at, shortName: organisation.shortName })
      }
      return ' '.repeat(match.length)
    })
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.shortName)
}

function organisationTerms(organisation: DemoOrganisation): string[] {
  return [organisation.name, organisation.shortName, ...organisation.aliases]
}

/** Case and apostrophe style do not distinguish organisations. */
function normalise(term: string): string {
  return term.replace(/[\u2018\u2019]/g, "'").toLowerCase()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function firstHeading(doc: ReturnType<typeof importMinutes>): string | undefined {
  const heading = doc.content?.find((node) => node.type === 'heading')
  const text = (heading?.content ?? [])
    .map((node) => node.text ?? '')
    .join('')
    .trim()
  return text === '' ? undefined : text.slice(0, 200)
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`${path} could not be read as JSON: ${(error as Error).message}`, {
      cause: error,
    })
  }
  const result = schema.safeParse(json)
  if (!result.success) {
    throw new Error(`${path} is malformed:\n${z.prettifyError(result.error)}`)
  }
  return result.data
}
