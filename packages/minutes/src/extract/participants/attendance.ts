import { parseEntries, roleName } from './entries.ts'

/**
 * Who was at the meeting, read from the attendance the minutes record, in the forms
 * secretariats use:
 *
 * - a label opening a block or a section: "Present:", "Attendees", "In attendance", "Also
 *   present", "Apologies", "Not attended", a heading "Voting member attendance"; the section
 *   runs until the agenda starts (a numbered item, "Agenda", a heading of its own level);
 * - inside it, each line or list item, or several entries in one line split at ";" and ",":
 *   "Name – Org", "Name - Role, Org", "Name, Org", "Name (Org)", "Name (Org, role)",
 *   "Org (Name)", "Name – Org – (JD)", "A, B and C (Org)", "[x] Name - Org" (an empty box is
 *   an absence), table rows ("Name | Org | JD"), tables flattened into "a / b / c" lines, a
 *   name on one line and its organisation on the next, names grouped under an organisation's
 *   own line;
 * - the same anywhere in a run-on paragraph ("… Present: A, Org B, Org Apologies None 1. …").
 *
 * Only the coalition's organisations are recognised as such; anything else written beside a
 * name is kept as text, so an attendee of an unknown body is known as one.
 */
export interface Attendee {
  /** The name as written ("Cllr Hazel Okoro"). */
  name: string
  /** The coalition's organisations the entry gives for this person. */
  organisationIds: string[]
  /** Initials written beside the name: "(JD)". */
  initials: string[]
  /** Roles written beside the name or as the line's label: "chair", "secretariat". */
  roles: string[]
  /** Handles written beside the name ("@ahandle", a column of user ids): "@ahandle to…". */
  handles: string[]
  /** False for apologies and absences. */
  present: boolean
}

export interface Attendance {
  attendees: Attendee[]
  /** Organisations recorded as present, by name or through a person present. */
  organisationsPresent: string[]
  /** Indexes of the blocks that are attendance and nothing else: never actions. */
  blocks: number[]
}

/** Where a text names one of the coalition's organisations. */
export interface NamedOrganisation {
  start: number
  end: number
  organisationIds: string[]
}

export interface AttendanceBlock {
  kind: 'heading' | 'paragraph' | 'listItem'
  /** Heading level; pseudo-headings (short title lines) count as level 7. */
  level: number | null
  text: string
}

const LABEL_WORDS =
  'present|attendees|attendance|in\\s+attendance|attending|also\\s+present|also\\s+in\\s+attendance|also\\s+attending|members\\s+present|those\\s+present|participants|apologies(?:\\s+for\\s+absence)?|apologies\\s+received|absent|not\\s+attended|not\\s+present|regrets|chaired\\s+by|chair|vice[\\s-]chair|secretariat|minutes\\s+taken\\s+by|minute\\s+taker|note\\s+taker|officers|board\\s+members|guests|observers|other\\s+attendees|non-voting\\s+attendees|voting\\s+(?:member|representative)\\s+attend(?:ance|ees)'
/** A label opening a block: "Present:", "1. Apologies", "In attendance -". */
const BLOCK_LABEL = new RegExp(
  `^\\s*(?:\\d+[.)]?\\s*)?(${LABEL_WORDS})\\b(?:\\s+and\\s+apologies)?\\s*[:–-]?\\s*`,
  'i',
)
/** The same inside a run-on paragraph: capitalised, so "MW presented" is no label. */
const INLINE_LABEL =
  /(?:^|\s)(Present|PRESENT|Attendees|ATTENDEES|In attendance|IN ATTENDANCE|Apologies|APOLOGIES|NOT ATTENDED|Not attended|Absent|ABSENT|Also present|ALSO PRESENT)\b\s*[:–-]?\s*/g
const ABSENCE = /apolog|absent|not\s+(?:attended|present)|regrets/i
const ATTENDANCE_HEADING =
  /\b(?:attendance|attendees|attending|present|apologies|representatives|staff|members|officers|guests|observers)\b/i
/** Where attendance stops: the agenda, a numbered item, the first minute. */
const AGENDA =
  /^\s*(?:\d+[.)]\s+\p{Lu}|agenda\b|items?\b|minutes\b|matters\s+arising|welcome\b|(?:key\s+)?actions?\b)/iu
/** Words of a sentence rather than of a list of people: "to arrange", "will send". */
const PROSE_WORD =
  /^(?:to|will|would|should|shall|is|are|was|were|has|have|had|be|been|that|this|we|they|it)$/i
const INLINE_AGENDA = /\s\d+[.)]\s+\p{Lu}|\s(?:Agenda|AGENDA|ITEM|Item)\b/u

/** A line of attendance is short; a longer one is the minutes starting. */
const ENTRY_MAX_WORDS = 40

export function readAttendance(
  blocks: readonly AttendanceBlock[],
  organisationsIn: (text: string) => NamedOrganisation[],
): Attendance {
  const attendees: Attendee[] = []
  const orgsPresent = new Set<string>()
  let zone: { present: boolean; level: number; passed: number; role: string | null } | undefined
  let group: string[] = []
  let pendingName: Attendee | undefined
  const zoneBlocks: number[] = []

  const take = (text: string, present: boolean, role: string | null = null) => {
    const entries = parseEntries(text, present, organisationsIn, role)
    if (entries.names.length === 0 && entries.organisations.length > 0) {
      if (pendingName && pendingName.organisationIds.length === 0) {
        pendingName.organisationIds = entries.organisations
        if (pendingName.present) entries.organisations.forEach((id) => orgsPresent.add(id))
        pendingName = undefined
        return
      }
      group = entries.organisations
      if (present) group.forEach((id) => orgsPresent.add(id))
      return
    }
    pendingName = undefined
    for (const attendee of entries.names) {
      if (attendee.organisationIds.length === 0 && group.length > 0) {
        attendee.organisationIds = [...group]
      }
      attendees.push(attendee)
      if (attendee.present) attendee.organisationIds.forEach((id) => orgsPresent.add(id))
    }
    if (entries.names.length === 1 && entries.names[0]!.organisationIds.length === 0) {
      pendingName = entries.names[0]
    }
    if (present) entries.loose.forEach((id) => orgsPresent.add(id))
  }

  blocks.forEach((block, index) => {
    const label = BLOCK_LABEL.exec(block.text)
    const isHeading = block.kind === 'heading'
    if (label && (label[0].trim() !== '' || isHeading)) {
      const level = isHeading ? (block.level ?? 7) : (zone?.level ?? 8)
      const labelRole = /^(?:chair|chaired|secretariat|minute|note|vice)/i.test(label[1]!)
        ? roleName(label[1]!)
        : null
      zone = { present: !ABSENCE.test(label[1]!), level, passed: 0, role: labelRole }
      group = []
      pendingName = undefined
      const rest = block.text.slice(label[0].length)
      if (rest.trim() !== '') readRunOn(rest, zone.present, (t, p) => take(t, p, labelRole))
      zoneBlocks.push(index)
      // A role labels its own line only: "Chaired by: Jo Bloggs, SP" then "Present: …".
      zone.role = null
      return
    }
    if (zone && isHeading) {
      const level = block.level ?? 7
      if (level > zone.level || (ATTENDANCE_HEADING.test(block.text) && !AGENDA.test(block.text))) {
        zone = {
          present: !ABSENCE.test(block.text),
          level: Math.min(level, zone.level),
          passed: 0,
          role: null,
        }
        group = []
        return
      }
      zone = undefined
      return
    }
    if (zone && AGENDA.test(block.text)) {
      zone = undefined
      return
    }
    if (zone) {
      // The section goes on while its lines hold names or organisations; a short line of
      // something else (a role, "Board members") is passed over, anything longer ends it.
      const words = block.text.trim().split(/\s+/).length
      const entries = parseEntries(block.text, zone.present, organisationsIn)
      const holdsEntries = entries.names.length > 0 || entries.loose.length > 0
      const prose = block.text.split(/\s+/).filter((w) => PROSE_WORD.test(w)).length >= 2
      if (holdsEntries && words <= ENTRY_MAX_WORDS && !prose) {
        zone.passed = 0
        take(block.text, zone.present)
        zoneBlocks.push(index)
        return
      }
      if (!holdsEntries && words <= 6 && !/[.!?]\s*$/.test(block.text) && zone.passed < 2) {
        zone.passed++
        zoneBlocks.push(index)
        return
      }
      zone = undefined
      return
    }
    // "Present:" in the middle of a run-on paragraph.
    if (block.text.search(INLINE_LABEL) >= 0) readRunOn(block.text, true, take, true)
  })
  return {
    attendees: mergeAttendees(attendees),
    organisationsPresent: [...orgsPresent],
    blocks: zoneBlocks,
  }
}

/** Splits a run of text at attendance labels and reads each stretch up to the agenda. */
function readRunOn(
  text: string,
  present: boolean,
  take: (text: string, present: boolean) => void,
  labelledOnly = false,
): void {
  const labels = [...text.matchAll(INLINE_LABEL)]
  const stretches: { text: string; present: boolean }[] = []
  if (!labelledOnly && (labels.length === 0 || labels[0]!.index > 0)) {
    stretches.push({ text: text.slice(0, labels[0]?.index ?? text.length), present })
  }
  labels.forEach((label, i) => {
    const end = labels[i + 1]?.index ?? text.length
    stretches.push({
      text: text.slice(label.index + label[0].length, end),
      present: !ABSENCE.test(label[1]!),
    })
  })
  for (const stretch of stretches) {
    const agenda = INLINE_AGENDA.exec(stretch.text)
    const body = agenda ? stretch.text.slice(0, agenda.index) : stretch.text
    if (body.trim() !== '' && !/^\s*none\b/i.test(body)) take(body, stretch.present)
  }
}

/** One attendee per name; a second mention adds what the first lacked. */
function mergeAttendees(attendees: Attendee[]): Attendee[] {
  const byName = new Map<string, Attendee>()
  for (const attendee of attendees) {
    const key = attendee.name.toLowerCase()
    const seen = byName.get(key)
    if (!seen) {
      byName.set(key, { ...attendee })
      continue
    }
    if (seen.organisationIds.length === 0) seen.organisationIds = attendee.organisationIds
    seen.initials = [...new Set([...seen.initials, ...attendee.initials])]
    seen.roles = [...new Set([...seen.roles, ...attendee.roles])]
    seen.handles = [...new Set([...seen.handles, ...attendee.handles])]
    seen.present ||= attendee.present
  }
  return [...byName.values()]
}
