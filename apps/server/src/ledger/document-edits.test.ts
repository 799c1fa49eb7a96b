import type { JSONContent } from '@tiptap/core'
import { extract } from '@accord/minutes/extract'
import { minutesToUpdate } from '@accord/minutes/import'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDocument } from '../projection/read-document.ts'
import { editActionNodes, findNodes, setAskStatus, setSupporter } from './document-edits.ts'

const context = {
  meetingDate: '2025-03-03',
  organisations: [
    { id: 'o1', name: 'Living Wage Alliance', shortName: 'LWA', aliases: [] },
    { id: 'o2', name: 'Fair Pay Campaign', shortName: 'FPC', aliases: [] },
  ],
  people: [{ id: 'p1', name: 'Pat Jones', organisationId: 'o1' }],
}

const text = (words: string): JSONContent[] => [{ type: 'text', text: words }]

const actionNode = (id: string, words: string, attrs: Record<string, unknown> = {}) => ({
  type: 'actionItem',
  attrs: { id, owners: ['o1'], status: 'open', ...attrs },
  content: text(words),
})

const askNode = (id: string, words: string, attrs: Record<string, unknown> = {}) => ({
  type: 'ask',
  attrs: { id, target: 'HM Treasury', supporters: ['o1'], ...attrs },
  content: text(words),
})

/** A meeting's document as the editor would have written it. */
function documentOf(...content: JSONContent[]): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, minutesToUpdate({ type: 'doc', content }))
  return doc
}

/** What the projection reads from the document. */
const extracted = (doc: Y.Doc) => extract(readDocument(doc).node, context)

/** Runs the edit as RoomServer.edit does: in one transaction, whose update is what changed. */
function edited<T>(
  doc: Y.Doc,
  change: (doc: Y.Doc) => T,
): { result: T; update: Uint8Array | null } {
  let update: Uint8Array | null = null
  const listen = (changed: Uint8Array) => (update = changed)
  doc.on('update', listen)
  let result!: T
  doc.transact(() => (result = change(doc)))
  doc.off('update', listen)
  return { result, update }
}

describe('editActionNodes', () => {
  it('writes status, owners and assignee so the projection reads them back', () => {
    const doc = documentOf(actionNode('a1', 'Draft the letter'), actionNode('a2', 'Book a room'))
    const changed = editActionNodes(doc, 'a1', {
      status: 'in_progress',
      owners: ['o1', 'o2'],
      assignee: 'p1',
    })
    expect(changed).toBe(1)
    const [first, second] = extracted(doc).actions
    expect(first).toMatchObject({
      key: 'a1',
      status: 'in_progress',
      owners: ['o1', 'o2'],
      assignee: 'p1',
      text: 'Draft the letter',
    })
    expect(second).toMatchObject({ key: 'a2', status: 'open', owners: ['o1'], assignee: null })
  })

  it('drops the typed date words when the due date changes, and keeps them otherwise', () => {
    const doc = documentOf(
      actionNode('a1', 'Send it by Friday', { due: '2025-03-07', dueText: 'Friday' }),
      actionNode('a2', 'Call them by Friday', { due: '2025-03-07', dueText: 'Friday' }),
    )
    expect(editActionNodes(doc, 'a1', { due: '2025-04-01' })).toBe(1)
    expect(editActionNodes(doc, 'a2', { due: '2025-03-07', status: 'done' })).toBe(1)
    const [first, second] = extracted(doc).actions
    expect(first).toMatchObject({ due: '2025-04-01', dueText: null, dueUnparsed: false })
    expect(second).toMatchObject({ due: '2025-03-07', dueText: 'Friday', status: 'done' })
  })

  it('confirms what the words proposed: owners, and the date with its words kept', () => {
    const doc = documentOf(
      actionNode('a1', 'LWA to circulate the paper by Friday', { owners: [] }),
      actionNode('a2', 'FPC to write to the minister before the AGM', { owners: [] }),
    )
    expect(extracted(doc).actions).toMatchObject([
      { ownersProposed: true, owners: ['o1'], dueProposed: true, due: '2025-03-07' },
      {
        ownersProposed: true,
        owners: ['o2'],
        dueProposed: true,
        due: null,
        dueText: 'before the AGM',
      },
    ])
    const confirm = { owners: ['o1'], due: '2025-03-07', dueText: 'Friday' }
    expect(editActionNodes(doc, 'a1', confirm)).toBe(1)
    // Words that read as no date are kept as written, as the editor's Confirm keeps them.
    expect(
      editActionNodes(doc, 'a2', { owners: ['o2'], due: null, dueText: 'before the AGM' }),
    ).toBe(1)
    expect(extracted(doc).actions).toMatchObject([
      {
        owners: ['o1'],
        ownersProposed: false,
        due: '2025-03-07',
        dueText: 'Friday',
        dueProposed: false,
      },
      {
        owners: ['o2'],
        ownersProposed: false,
        due: null,
        dueText: 'before the AGM',
        dueProposed: false,
      },
    ])
    expect(edited(doc, (d) => editActionNodes(d, 'a1', confirm))).toEqual({
      result: 0,
      update: null,
    })
  })

  it('clears the assignee and the due date with null', () => {
    const doc = documentOf(
      actionNode('a1', 'Send it', { assignee: 'p1', due: '2025-03-07', dueText: 'Friday' }),
    )
    expect(editActionNodes(doc, 'a1', { assignee: null, due: null })).toBe(1)
    expect(extracted(doc).actions[0]).toMatchObject({ assignee: null, due: null, dueText: null })
    const [node] = findNodes(doc, 'actionItem', 'a1')
    expect(node!.getAttributes()).not.toHaveProperty('assignee')
  })

  it('finds the action however deep it sits, and every copy of it', () => {
    const doc = documentOf(
      { type: 'heading', attrs: { level: 2 }, content: text('Matters arising') },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: text('LWA') }, actionNode('a1', 'Nested')],
          },
        ],
      },
      { type: 'blockquote', content: [actionNode('a1', 'Quoted')] },
      actionNode('a2', 'Other'),
    )
    expect(editActionNodes(doc, 'a1', { status: 'dropped' })).toBe(2)
    expect(extracted(doc).actions.map((a) => [a.text, a.status])).toEqual([
      ['Nested', 'dropped'],
      ['Quoted', 'dropped'],
      ['Other', 'open'],
    ])
  })

  it('changes nothing when the node already holds the values, or no node has the key', () => {
    const doc = documentOf(actionNode('a1', 'Draft', { status: 'done', owners: ['o1'] }))
    const before = Y.encodeStateVector(doc)
    expect(
      edited(doc, (d) => editActionNodes(d, 'a1', { status: 'done', owners: ['o1'] })),
    ).toEqual({ result: 0, update: null })
    expect(edited(doc, (d) => editActionNodes(d, 'missing', { status: 'open' }))).toEqual({
      result: 0,
      update: null,
    })
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('leaves other node types with the same id alone', () => {
    const doc = documentOf(askNode('same', 'An ask'), actionNode('same', 'An action'))
    expect(editActionNodes(doc, 'same', { status: 'done' })).toBe(1)
    expect(extracted(doc).asks[0]).toMatchObject({ key: 'same', status: 'proposed' })
  })
})

describe('ask edits', () => {
  it('sets the status of the ask', () => {
    const doc = documentOf(askNode('k1', 'Raise the minimum wage'), askNode('k2', 'Other'))
    expect(setAskStatus(doc, 'k1', 'agreed')).toBe(1)
    expect(setAskStatus(doc, 'k1', 'agreed')).toBe(0)
    expect(extracted(doc).asks.map((a) => [a.key, a.status])).toEqual([
      ['k1', 'agreed'],
      ['k2', 'proposed'],
    ])
  })

  it('adds a supporter once and takes it out again', () => {
    const doc = documentOf(askNode('k1', 'Raise the minimum wage'))
    expect(setSupporter(doc, 'k1', 'o2', true)).toBe(1)
    expect(setSupporter(doc, 'k1', 'o2', true)).toBe(0)
    expect(extracted(doc).asks[0]!.supporters).toEqual(['o1', 'o2'])
    expect(setSupporter(doc, 'k1', 'o1', false)).toBe(1)
    expect(setSupporter(doc, 'k1', 'o1', false)).toBe(0)
    expect(extracted(doc).asks[0]!.supporters).toEqual(['o2'])
    // The editor reads the same list: the attribute is an array, as y-prosemirror writes it.
    expect(findNodes(doc, 'ask', 'k1')[0]!.getAttribute('supporters')).toEqual(['o2'])
  })

  it('reaches an ask inside a list item', () => {
    const doc = documentOf({
      type: 'orderedList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph' }, askNode('k1', 'Nested ask', { supporters: [] })],
        },
      ],
    })
    expect(setSupporter(doc, 'k1', 'o1', true)).toBe(1)
    expect(extracted(doc).asks[0]).toMatchObject({ key: 'k1', supporters: ['o1'] })
  })
})
