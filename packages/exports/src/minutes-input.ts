/**
 * What a minutes export reads, and how the structured nodes (see the minutes package's
 * STRUCTURE.md) are described in words. Markdown, HTML and Word render the same descriptions,
 * so an action reads "ALC, CN; due 12 Dec 2026; open" in all three, and an action whose owners
 * were read from its words rather than set on it "ALC (proposed); open", as the tracker files it.
 *
 * The document is Tiptap JSON as stored, which is not validated here: attributes are read
 * defensively and a node this package does not know is rendered as its text.
 */
import type { JSONContent } from '@tiptap/core'
import type { LedgerMeeting } from '@accord/minutes/ledger'
import { formatDay } from './dates.ts'
import { proposed } from './proposed.ts'

export interface MinutesExportInput {
  coalition: string
  meeting: { title: string; /** YYYY-MM-DD */ date: string; status: LedgerMeeting['status'] }
  minutes: JSONContent
  organisations: { id: string; name: string; shortName: string }[]
  people: { id: string; name: string }[]
  /** A saved version of the minutes, when exporting one rather than the live text. */
  version?: { label: string }
  /**
   * By action node id: what the server read from the words of an action whose node leaves its
   * owners or due date open (the stored structure, which the tracker lists). Shown only where
   * the node has nothing of its own, marked as proposed; without it such an action has no owner.
   */
  proposals?: Readonly<Record<string, ActionProposal>>
}

/** Owners and a due date read from an action's own words: "ALC to circulate it by Friday". */
export interface ActionProposal {
  /** Organisation ids, or `['ALL']`; empty when the words name no owner. */
  owners: string[]
  /** A person id, read with the owners. */
  assignee: string | null
  /** YYYY-MM-DD, when the date words resolved to one. */
  due: string | null
  /** The date words as written; null when the words give no date. */
  dueText: string | null
}

export function stringAttr(node: JSONContent, name: string): string | null {
  const value: unknown = node.attrs?.[name]
  return typeof value === 'string' && value !== '' ? value : null
}

export function stringListAttr(node: JSONContent, name: string): string[] {
  const value: unknown = node.attrs?.[name]
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : []
}

/** 1–6, whatever the document says. */
export function headingLevel(node: JSONContent): number {
  const level: unknown = node.attrs?.level
  return typeof level === 'number' && Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 1
}

/** A mention reads as the organisation's short name now, else as the label it was given. */
export function mentionText(node: JSONContent, input: MinutesExportInput): string {
  const id = stringAttr(node, 'id')
  const org = input.organisations.find((candidate) => candidate.id === id)
  return org?.shortName ?? stringAttr(node, 'label') ?? ''
}

/** The node's text, mentions as short names and hard breaks as line breaks. */
export function plainText(node: JSONContent, input: MinutesExportInput): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'organisationMention') return mentionText(node, input)
  if (node.type === 'hardBreak') return '\n'
  const inline = !node.content?.some((child) => child.content !== undefined)
  return (node.content ?? []).map((child) => plainText(child, input)).join(inline ? '' : '\n')
}

function shortNames(ids: string[], input: MinutesExportInput): string[] {
  if (ids.includes('ALL')) return ['All organisations']
  return ids.map((id) => input.organisations.find((org) => org.id === id)?.shortName ?? id)
}

/**
 * "ALC, CN; Aroha Ngata; due 12 Dec 2026; open": who, by when, how far. What the node leaves
 * open is taken from its proposal, if the input has one, and marked: "ALC (proposed)".
 */
export function actionDetails(node: JSONContent, input: MinutesExportInput): string {
  const id = stringAttr(node, 'id')
  const proposal = id === null ? undefined : input.proposals?.[id]
  const set = stringListAttr(node, 'owners')
  const proposedOwners = set.length === 0 ? (proposal?.owners ?? []) : []
  const assignee = stringAttr(node, 'assignee')
  // The assignee is read with the owners, so it is proposed only where the owners are.
  const proposedAssignee = proposedOwners.length > 0 && !assignee ? proposal?.assignee : null
  const setDue = dueWords(stringAttr(node, 'due'), stringAttr(node, 'dueText'))
  const proposedDue = setDue === null && proposal ? dueWords(proposal.due, proposal.dueText) : null
  const parts = [
    set.length > 0
      ? shortNames(set, input).join(', ')
      : proposedOwners.length > 0
        ? proposed(shortNames(proposedOwners, input).join(', '))
        : 'no owner',
    assignee
      ? personName(assignee, input)
      : proposedAssignee && proposed(personName(proposedAssignee, input)),
    setDue ?? (proposedDue && proposed(proposedDue)),
    (stringAttr(node, 'status') ?? 'open').replace('_', ' '),
    stringAttr(node, 'carriedFrom') && 'carried over',
  ]
  return parts.filter(Boolean).join('; ')
}

const personName = (id: string, input: MinutesExportInput) =>
  input.people.find((person) => person.id === id)?.name ?? id

/** "due 12 Dec 2026", or the words as written when they name no date: "due “soon”". */
function dueWords(due: string | null, dueText: string | null): string | null {
  if (due) return `due ${formatDay(due)}`
  return dueText && `due “${dueText}”`
}

/** Who an ask is of, and "supported by ALC, CN; agreed". */
export function askDetails(node: JSONContent, input: MinutesExportInput) {
  const supporters = shortNames(stringListAttr(node, 'supporters'), input)
  const backing =
    supporters.length > 0 ? `supported by ${supporters.join(', ')}` : 'no supporters yet'
  return {
    target: stringAttr(node, 'target'),
    details: `${backing}; ${stringAttr(node, 'status') ?? 'proposed'}`,
  }
}

/** "Draft" or "Approved", with the version when one is exported. */
export function minutesState(input: MinutesExportInput): string {
  const state = input.meeting.status === 'approved' ? 'Approved' : 'Draft'
  return input.version ? `${state} · version ${input.version.label}` : state
}

/** The rows of a table node, each a list of cells, and whether the first row is a header. */
export function tableRows(node: JSONContent) {
  const rows = (node.content ?? []).filter((row) => row.type === 'tableRow')
  const cells = rows.map((row) => row.content ?? [])
  const header = cells[0]?.every((cell) => cell.type === 'tableHeader') ?? false
  return { cells, header }
}
