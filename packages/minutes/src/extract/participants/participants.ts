import type { Participant } from '../owners/matcher.ts'
import type { ExtractPerson } from '../types.ts'
import type { Attendance } from './attendance.ts'
import { nameForms } from './names.ts'

/**
 * Everyone the minutes may name as an owner: the coalition's members, each with the
 * organisation they speak for, and the attendees the minutes list. An attendee who is a member
 * (same name, titles aside) adds the initials the minutes give them; anyone else joins with
 * whatever organisation the attendance gives, or none.
 */
export function participantsOf(
  members: readonly ExtractPerson[],
  attendance: Attendance,
): Participant[] {
  const participants: Participant[] = members.map((member) => ({
    id: member.id,
    name: member.name,
    organisationIds: [member.organisationId],
    initials: [],
    roles: [],
    handles: [],
  }))
  const byName = new Map(participants.map((p) => [nameForms(p.name).full.toLowerCase(), p]))
  for (const attendee of attendance.attendees) {
    const full = nameForms(attendee.name).full.toLowerCase()
    const member = byName.get(full)
    if (member) {
      member.initials = [...new Set([...member.initials, ...attendee.initials])]
      member.roles = [...new Set([...(member.roles ?? []), ...attendee.roles])]
      member.handles = [...new Set([...(member.handles ?? []), ...attendee.handles])]
      continue
    }
    // "Ann Lee Bo Diaz": names run together in a flattened list are the members
    // they hold; the entry's organisation and initials cannot be told apart, so only initials
    // that fit a member's name are kept.
    const padded = ` ${full} `
    const held = participants.filter(
      (p) =>
        p.id !== null &&
        p.name.includes(' ') &&
        padded.includes(` ${nameForms(p.name).full.toLowerCase()} `),
    )
    if (held.length > 0) {
      for (const p of held) {
        const fitting = attendee.initials.filter((i) => nameForms(p.name).initials.includes(i))
        p.initials = [...new Set([...p.initials, ...fitting])]
      }
      continue
    }
    const participant: Participant = {
      id: null,
      name: attendee.name,
      organisationIds: attendee.organisationIds,
      initials: attendee.initials,
      roles: attendee.roles,
      handles: attendee.handles,
    }
    participants.push(participant)
    byName.set(full, participant)
  }
  return participants
}
