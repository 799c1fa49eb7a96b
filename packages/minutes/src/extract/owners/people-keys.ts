import { nameForms } from '../participants/names.ts'
import type { Participant } from './matcher.ts'

/*
 * The names a directory gives the matcher to look for: the coalition's own (its name, its
 * bracketed acronyms, its initials, "the Alliance"), and every way the minutes may name each
 * participant – full name, unambiguous first name, initials, "Cllr Surname", "the Chair".
 */
/** Last words of a coalition's name that stand for it: "the Alliance", "the Board". */
const BODY_WORDS = new Set(
  'alliance coalition partnership network forum group board committee consortium collaborative campaign council'.split(
    ' ',
  ),
)

/** Titles written before a surname: "Cllr Okoro", "PC Hale". */
export const SURNAME_TITLES = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Dr',
  'Prof',
  'Cllr',
  'Councillor',
  'PC',
  'Sgt',
]

/** First names that open questions: "Will members…?" names no one called Will. */
const MODAL_NAMES = new Set(['Will', 'May', 'Can', 'Must', 'Shall'])

/** The coalition's name, its bracketed acronyms and "the <body word>" it ends with. */
export function coalitionNames(name: string | undefined): string[] {
  if (!name) return []
  const names = new Set<string>()
  const plain = name.replace(/\s*\([^)]*\)/g, '').trim()
  if (plain) names.add(plain)
  for (const m of name.matchAll(/\(([\p{Lu}\p{N}&]{2,})\)/gu)) names.add(m[1]!)
  for (const part of plain.split(/\s+[–-]\s+/)) {
    const last = part.trim().split(/\s+/).at(-1)?.toLowerCase()
    if (last && BODY_WORDS.has(last)) names.add(`the ${last}`)
  }
  // "Northshire Care Coalition" is "the NCC" too.
  const initials = plain
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
  if (initials.length >= 2) names.add(initials)
  return [...names]
}

export interface PersonKey {
  id: string | null
  organisationIds: string[]
}

/**
 * Every way the minutes may name each participant, and who it stands for. A first name,
 * initials or "Cllr Surname" shared by people of different organisations names nobody.
 */
export function peopleKeys(
  participants: readonly Participant[],
  organisationIds: ReadonlySet<string>,
): { people: Map<string, PersonKey>; surnames: Map<string, PersonKey> } {
  const keys = new Map<string, PersonKey | null>()
  const surnameKeys = new Map<string, PersonKey | null>()
  const add = (form: string, person: PersonKey, exclusive: boolean, into = keys) => {
    if (form.trim() === '') return
    const seen = into.get(form)
    if (seen === undefined) {
      into.set(form, person)
      return
    }
    if (seen === null || !exclusive) return
    const same =
      seen.id === person.id ||
      (seen.organisationIds.join() === person.organisationIds.join() &&
        person.organisationIds.length > 0)
    if (!same) into.set(form, null)
  }
  for (const participant of participants) {
    const forms = nameForms(participant.name)
    const person = {
      id: participant.id,
      organisationIds: participant.organisationIds.filter((id) => organisationIds.has(id)),
    }
    for (const name of new Set([participant.name.trim().replace(/\s+/g, ' '), forms.full])) {
      add(name, person, true)
    }
    if (forms.first && !MODAL_NAMES.has(forms.first)) add(forms.first, person, true)
    for (const initials of [...forms.initials, ...participant.initials]) add(initials, person, true)
    if (forms.surname) add(forms.surname, person, true, surnameKeys)
    // "@jashby", "@Joan": a handle, or the first name written as one.
    for (const handle of participant.handles ?? []) add(`@${handle}`, person, true)
    if (forms.first) add(`@${forms.first}`, person, true)
  }
  const known = (map: Map<string, PersonKey | null>) => {
    const out = new Map<string, PersonKey>()
    for (const [form, person] of map) if (person) out.set(form, person)
    return out
  }
  return { people: known(keys), surnames: known(surnameKeys) }
}

/** "the Chair", "the Secretariat": the one participant who holds the role, if only one does. */
export function roleKeys(
  participants: readonly Participant[],
  organisationIds: ReadonlySet<string>,
): Map<string, PersonKey> {
  const holders = new Map<string, Participant[]>()
  for (const participant of participants) {
    for (const role of participant.roles ?? []) {
      holders.set(role, [...(holders.get(role) ?? []), participant])
    }
  }
  const keys = new Map<string, PersonKey>()
  for (const [role, [holder, ...others]] of holders) {
    if (!holder || others.length > 0) continue
    keys.set(`the ${role}`, {
      id: holder.id,
      organisationIds: holder.organisationIds.filter((id) => organisationIds.has(id)),
    })
  }
  return keys
}
