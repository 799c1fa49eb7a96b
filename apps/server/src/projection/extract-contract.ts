import type { Node } from '@tiptap/pm/model'

/**
 * What the projection needs of `extract()` (packages/minutes/STRUCTURE.md), written down on
 * this side so the projection depends on the contract, not on one implementation: the real
 * `extract` from '@accord/minutes/extract' must fit it (project-state.ts checks that).
 */
export interface ExtractContext {
  meetingDate: string
  organisations: { id: string; name: string; shortName: string; aliases: string[] }[]
  people: { id: string; name: string; organisationId: string }[]
  coalitionName?: string
  nextMeetingDate?: string | null
  dismissed?: readonly string[]
}

interface Extracted {
  key: string
  origin: 'explicit' | 'suggested'
  text: string
  source: { from: number; to: number; text: string }
  reason: string
  /** How sure the reading is, 0 to 1; absent from older extractors (read as 1). */
  confidence?: number
}

export interface ExtractResult {
  actions: (Extracted & {
    owners: string[]
    unknownOwners: string[]
    assignee: string | null
    due: string | null
    dueText: string | null
    dueUnparsed: boolean
    status: 'open' | 'in_progress' | 'done' | 'dropped'
    carriedFrom: string | null
    ownersProposed?: boolean
    dueProposed?: boolean
  })[]
  asks: (Extracted & {
    target: string | null
    supporters: string[]
    unknownSupporters: string[]
    status: 'proposed' | 'agreed' | 'sent'
  })[]
  decisions: Extracted[]
}

export type Extract = (doc: Node, context: ExtractContext) => ExtractResult
