import type { StructureAction } from '@accord/minutes/structure'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { fixedProposals, mentionLabels, versionProposals } from './version-proposals.ts'

const labels = mentionLabels([
  { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC' },
])

/** What the structure read from an action node whose words propose ALC and Friday. */
function action(fields: Partial<StructureAction> = {}): StructureAction {
  return {
    key: 'a1',
    origin: 'explicit',
    text: 'ALC to circulate the paper by Friday',
    source: { from: 1, to: 37, text: 'ALC to circulate the paper by Friday' },
    reason: 'explicit action node',
    confidence: 1,
    position: 0,
    owners: ['alc'],
    unknownOwners: [],
    assignee: null,
    due: '2025-03-07',
    dueText: 'Friday',
    dueUnparsed: false,
    status: 'open',
    carriedFrom: null,
    ownersProposed: true,
    dueProposed: true,
    ...fields,
  }
}

function node(content: JSONContent[], attrs: Record<string, unknown> = {}): JSONContent {
  return { type: 'actionItem', attrs: { id: 'a1', status: 'open', owners: [], ...attrs }, content }
}

const words = (text: string): JSONContent[] => [{ type: 'text', text }]

/** The version's minutes: the action inside a list, as minutes often hold them. */
const minutes = (...actions: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [
    {
      type: 'bulletList',
      content: actions.map((a) => ({ type: 'listItem', content: [a] })),
    },
  ],
})

const PROPOSAL = {
  owners: ['alc'],
  unknownOwners: [],
  assignee: null,
  due: { due: '2025-03-07', dueText: 'Friday' },
}

describe('versionProposals', () => {
  it('keeps the stored proposal for an action node unchanged since', () => {
    const version = minutes(node(words('ALC to circulate the paper by Friday')))
    expect(versionProposals([action()], version, labels)).toEqual(new Map([['a1', PROPOSAL]]))
  })

  it('reads a mention as the extractor does: its label, or the short name', () => {
    const mention = (attrs: Record<string, unknown>): JSONContent[] => [
      { type: 'organisationMention', attrs },
      { type: 'text', text: ' to circulate the paper by Friday' },
    ]
    const labelled = minutes(node(mention({ id: 'alc', label: 'ALC' })))
    const bare = minutes(node(mention({ id: 'alc' })))
    expect(versionProposals([action()], labelled, labels).get('a1')).toEqual(PROPOSAL)
    expect(versionProposals([action()], bare, labels).get('a1')).toEqual(PROPOSAL)
  })

  it('drops the proposal of a node whose words or attributes changed since', () => {
    const changed = [
      node(words('ALC to circulate the paper by Monday')),
      node(words('ALC to circulate the paper by Friday'), { status: 'done' }),
      node(words('ALC to circulate the paper by Friday'), { owners: ['ct'] }),
      node(words('ALC to circulate the paper by Friday'), { dueText: 'Monday' }),
    ]
    for (const version of changed) {
      expect(versionProposals([action()], minutes(version), labels).size).toBe(0)
    }
  })

  it('keeps a date proposal beside owners set on the node, when those are as stored', () => {
    const version = minutes(
      node(words('ALC to circulate the paper by Friday'), { owners: ['alc'] }),
    )
    const stored = action({ ownersProposed: false })
    expect(versionProposals([stored], version, labels).get('a1')).toEqual({
      ...PROPOSAL,
      owners: null,
    })
  })

  it('proposes nothing for suggestions, other keys, or actions proposing nothing', () => {
    const version = minutes(node(words('ALC to circulate the paper by Friday')))
    const others = [
      action({ origin: 'suggested' }),
      action({ key: 'a2' }),
      action({ ownersProposed: false, owners: [], dueProposed: false, due: null, dueText: null }),
    ]
    for (const stored of others) {
      expect(versionProposals([stored], version, labels).size).toBe(0)
    }
  })
})

describe('fixedProposals', () => {
  it('answers each node its proposal, and none for a node without an id', () => {
    const store = fixedProposals(new Map([['a1', PROPOSAL]]))
    expect(store.proposal('a1')).toEqual(PROPOSAL)
    expect(store.proposal('a2')).toBeNull()
    expect(store.proposal(null)).toBeNull()
    expect(typeof store.subscribe(() => undefined)).toBe('function')
  })
})
