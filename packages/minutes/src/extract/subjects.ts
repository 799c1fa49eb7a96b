import type { ReadBlock } from './document.ts'
import type { OwnerMatcher } from './owners.ts'
import { ALL, type Owners } from './types.ts'

/**
 * The subject of a clause: who an action or an ask's backing belongs to. Known names (a run
 * of them: "HCPF and RCA"), a person standing for their organisation, "the Trust" or "they"
 * under a heading naming one organisation, or an unknown capitalised name kept as such.
 */
export interface Subject extends Owners {
  start: number
  end: number
  assignee: string | null
  /** As written, for the reason. */
  label: string
}

const JOINER = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\/\s*)$/
const UNKNOWN =
  /^((?:\p{Lu}[\p{L}'’-]*|[\p{Lu}\p{N}&]{2,})(?:\s+(?:of|for|and|the|\p{Lu}[\p{L}'’-]*)){0,4}?)(?=\s*(?:\([^)]*\)\s*)?,?\s*(?:will|to|agreed|offered|volunteered|undertook|committed|promised|pledged|shall|is|are|was|were|has|have)\b)/u
const NOT_NAMES = new Set(
  'it this that there these those they he she i you the a an each some no nobody action actions decision please members everyone all we our their his her its next minutes date chair attending present apologies'.split(
    ' ',
  ),
)
const HEADING_REFERENCE = /^(?:the\s+(\p{L}[\p{L}'’-]*)|they|it)\b/iu

export function subjectAt(
  block: ReadBlock,
  at: number,
  matcher: OwnerMatcher,
): Subject | undefined {
  const text = block.text
  while (at < text.length && /\s/.test(text[at]!)) at++
  const group = entityGroup(block, at)
  if (group) return group

  const rest = text.slice(at)
  const reference = HEADING_REFERENCE.exec(rest)
  const [sectionOrganisation] = block.sectionOrganisations
  if (reference && block.sectionOrganisations.length === 1 && sectionOrganisation) {
    const word = reference[1]?.toLowerCase()
    if (word === undefined || matcher.nameWords(sectionOrganisation).has(word)) {
      return {
        start: at,
        end: at + reference[0].length,
        owners: [sectionOrganisation],
        unknownOwners: [],
        assignee: null,
        label: reference[0],
      }
    }
  }

  const unknown = UNKNOWN.exec(rest)
  if (!unknown) return undefined
  const name = unknown[1]!
  const first = name.split(/\s+/)[0]!.toLowerCase()
  if (NOT_NAMES.has(first)) return undefined
  const end = at + name.length
  // "Jamal (RCA)": an unknown person of a known organisation.
  const bracket = /^\s*\(([^)]*)\)/.exec(text.slice(end))
  if (bracket) {
    const inside = block.entities.filter(
      (e) => e.start > end && e.end <= end + bracket[0].length && e.kind === 'organisation',
    )
    if (inside.length > 0) {
      return {
        start: at,
        end: end + bracket[0].length,
        owners: [...new Set(inside.flatMap((e) => e.organisationIds))],
        unknownOwners: [],
        assignee: null,
        label: text.slice(at, end + bracket[0].length),
      }
    }
  }
  return { start: at, end, owners: [], unknownOwners: [name], assignee: null, label: name }
}

/** A run of known entities starting exactly at `at`: "HCPF and RCA", "Priya (RCA)". */
function entityGroup(block: ReadBlock, at: number): Subject | undefined {
  const index = block.entities.findIndex((e) => e.start === at)
  if (index < 0) return undefined
  const members = [block.entities[index]!]
  for (let i = index + 1; i < block.entities.length; i++) {
    const previous = members.at(-1)!
    const next = block.entities[i]!
    if (!JOINER.test(block.text.slice(previous.end, next.start))) break
    members.push(next)
  }
  const ids = members.flatMap((e) => e.organisationIds)
  const owners = ids.includes(ALL) ? [ALL] : [...new Set(ids)]
  const people = members.filter((e) => e.personId !== null)
  const end = members.at(-1)!.end
  return {
    start: at,
    end,
    owners,
    unknownOwners: [],
    assignee: members.length === 1 && people.length === 1 ? people[0]!.personId : null,
    label: block.text.slice(at, end),
  }
}
