import type { OwnerMatcher } from '../owners/matcher.ts'
import type { Owner } from '../owners/subject.ts'
import type { ReadBlock } from '../read/document.ts'
import { ALL } from '../types.ts'
import type { Clause } from './clauses.ts'
import type { Cue } from './cues.ts'
import type { Commitment } from './types.ts'

/**
 * Owners the layout of minutes gives rather than the grammar: a speaker's label ("Maya:",
 * "[Ines] -"), a clause that is only owners ("…summary – SP", "ACTION: JD"), a trailing
 * "(SP)" or "/ LH", the person notes are filed under ("Housing update - Joan Ashby"), the
 * organisation a section is about, and, where the context owes it, everyone.
 */
/** "Housing update - Joan Ashby": the person a heading or parent item gives the notes under it to. */
export function presenterOf(block: ReadBlock, matcher: OwnerMatcher): Owner | null {
  for (const text of [...block.ancestors, block.headings[0]]) {
    if (!text) continue
    const tail = /(?:\s[–-]\s|\()\s*([^–()-]{2,40}?)\s*\)?\s*$/.exec(text)
    if (!tail) continue
    const [person] = matcher.entities(tail[1]!).filter((e) => e.kind === 'person')
    if (person && person.text.trim() === tail[1]!.trim()) {
      return {
        owners: person.organisationIds,
        unknownOwners: person.organisationIds.length === 0 ? [person.text] : [],
        assignee: person.personId,
        label: person.text,
        via: 'speaker',
      }
    }
  }
  return null
}

/** The label before a colon or dash, as an owner: "Maya:", "[Ines] -", "ACTION – SP:". */
export function ownerOfLabel(
  block: ReadBlock,
  label: string,
  matcher: OwnerMatcher,
): Owner | undefined {
  const bare = label.replace(/^\[|\]$/g, '')
  const found = matcher.entities(bare)
  const inAnyCase = found.length === 0 ? matcher.personInAnyCase(bare) : undefined
  const entities = inAnyCase ? [inAnyCase] : found
  if (entities.length === 0) return undefined
  const rest = entities.reduce((t, e) => t.replace(e.text, ' '), label.replace(/[[\]]/g, ' '))
  if (!/^[\s,&/()]*(?:(?:and|action|actions|owner|lead|by)[\s,&/()]*)*$/i.test(rest))
    return undefined
  const ids = entities.flatMap((e) => e.organisationIds)
  const people = entities.filter((e) => e.personId !== null)
  void block
  return {
    owners: ids.includes(ALL) ? [ALL] : [...new Set(ids)],
    unknownOwners: entities
      .filter((e) => e.kind === 'person' && e.organisationIds.length === 0)
      .map((e) => e.text),
    assignee: entities.length === 1 && people.length === 1 ? people[0]!.personId : null,
    label,
    via: 'speaker',
  }
}

export function ownerOnlyClause(
  block: ReadBlock,
  clause: Clause,
  matcher: OwnerMatcher,
): Owner | undefined {
  const text = block.text.slice(clause.start, clause.stop).replace(/^\(|\)$/g, '')
  if (text.length > 60) return undefined
  const owner = ownerOfLabel(block, text, matcher)
  return owner ? { ...owner, via: 'named' } : undefined
}

export function contextOwner(
  block: ReadBlock,
  clause: Clause,
  speaker: Owner | null,
  context: Commitment['context'],
  cue: Cue,
): Owner | undefined {
  const trailing = trailingOwner(block, clause)
  if (trailing) return trailing
  if (speaker) return speaker
  const [org] = block.sectionOrganisations
  if (block.sectionOrganisations.length === 1 && org) {
    return {
      owners: [org],
      unknownOwners: [],
      assignee: null,
      label: `the section about ${org}`,
      via: 'heading',
    }
  }
  if (context || cue.form === 'please' || cue.form === 'needed') return everyone()
  return undefined
}

export function everyone(): Owner {
  return { owners: [ALL], unknownOwners: [], assignee: null, label: 'everyone', via: 'context' }
}

/** "(SP)" or "/ LH" closing the clause's sentence. */
export function trailingOwner(block: ReadBlock, clause: Clause): Owner | undefined {
  const sentence = block.sentences[clause.sentence]
  if (!sentence) return undefined
  const match = /(?:\(([^()]{1,40})\)|\s\/\s*([^/]{1,30}))\s*[.;]?\s*$/.exec(sentence.text)
  if (!match) return undefined
  const from = sentence.start + match.index
  const entities = block.entities.filter((e) => e.start >= from && e.end <= sentence.end)
  if (entities.length === 0) return undefined
  const ids = entities.flatMap((e) => e.organisationIds)
  if (ids.length === 0) return undefined
  return {
    owners: ids.includes(ALL) ? [ALL] : [...new Set(ids)],
    unknownOwners: [],
    assignee: entities.length === 1 ? entities[0]!.personId : null,
    label: block.text.slice(entities[0]!.start, entities.at(-1)!.end),
    via: 'named',
  }
}
