import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { extract } from '../extract/index.ts'
import type { ExtractContext } from '../extract/types.ts'
import { importMinutes } from '../import-minutes.ts'
import { minutesSchema } from '../schema.ts'
import { acceptAllSuggestions } from './accept-all.ts'
import { acceptSuggestions } from './accept.ts'
import { suggestionsOf } from './suggestion.ts'

const findSuggestions = (doc: ProseMirrorNode, c: ExtractContext) => suggestionsOf(extract(doc, c))

const context: ExtractContext = {
  meetingDate: '2025-03-04',
  people: [],
  organisations: [
    { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC', aliases: [] },
    { id: 'fpct', name: 'Fair Pay for Care Trust', shortName: 'FPCT', aliases: [] },
  ],
  dismissed: [],
}

function stateOf(markdown: string): EditorState {
  const doc = minutesSchema().nodeFromJSON(importMinutes(markdown, 'markdown'))
  return EditorState.create({ doc })
}

/** Accepts every suggestion and lists the blocks after: type and text. */
function acceptAll(markdown: string) {
  const tr = stateOf(markdown).tr
  const found = findSuggestions(tr.doc, context)
  expect(acceptSuggestions(tr, found).length).toBeGreaterThan(0)
  const doc = tr.doc
  doc.check()
  const blocks: [string, string][] = []
  doc.descendants((node) => {
    if (!node.isTextblock) return true
    blocks.push([node.type.name, node.textContent])
    return false
  })
  return { doc, blocks }
}

describe('acceptSuggestions', () => {
  it('converts a whole paragraph, keeping its text and the owners and due date', () => {
    const { doc, blocks } = acceptAll('ALC will circulate the summary by Friday.')
    expect(blocks).toEqual([['actionItem', 'ALC will circulate the summary by Friday.']])
    expect(doc.firstChild?.attrs).toMatchObject({
      owners: ['alc'],
      due: '2025-03-07',
      dueText: 'Friday',
      status: 'open',
    })
  })

  it('splits a paragraph so the sentence becomes its own block between the rest', () => {
    const { blocks } = acceptAll(
      'We went through the figures. ALC will circulate the summary by Friday. Then tea.',
    )
    expect(blocks).toEqual([
      ['paragraph', 'We went through the figures.'],
      ['actionItem', 'ALC will circulate the summary by Friday.'],
      ['paragraph', 'Then tea.'],
    ])
  })

  it('converts an ask with its target and supporters', () => {
    const state = stateOf('We agreed to ask HM Treasury to publish the impact assessment.')
    const suggestions = findSuggestions(state.doc, context)
    const asks = suggestions.filter((s) => s.kind === 'ask')
    expect(asks).toHaveLength(1)
    const tr = state.tr
    acceptSuggestions(tr, asks)
    const node = tr.doc.firstChild!
    expect(node.type.name).toBe('ask')
    expect(node.attrs).toMatchObject({ target: asks[0]!.item.target, status: 'proposed' })
  })

  it('takes a list item out of the list, splitting the list around it', () => {
    const { doc } = acceptAll(
      '- Intro.\n- FPCT will draft the letter by 14 March.\n- Nothing here.',
    )
    const top: string[] = []
    doc.forEach((node) => top.push(`${node.type.name}: ${node.textContent}`))
    expect(top).toEqual([
      'bulletList: Intro.',
      'actionItem: FPCT will draft the letter by 14 March.',
      'bulletList: Nothing here.',
    ])
  })

  it('leaves no suggestion behind once every one is accepted', () => {
    const { doc } = acceptAll(
      'Intro. ALC will circulate the summary by Friday. We agreed to back the joint letter.',
    )
    expect(findSuggestions(doc, context)).toEqual([])
  })

  it('answers none and changes nothing when there is nothing to accept', () => {
    const tr = stateOf('Nothing to see.').tr
    expect(acceptSuggestions(tr, [])).toEqual([])
    expect(tr.docChanged).toBe(false)
  })
})

describe('acceptAllSuggestions', () => {
  it('accepts every suggestion and gives each new node an id', () => {
    const doc = minutesSchema().nodeFromJSON(
      importMinutes(
        'ALC will circulate the summary by Friday.\n\nWe agreed to ask HM Treasury to publish the impact assessment.',
        'markdown',
      ),
    )
    let n = 0
    const accepted = acceptAllSuggestions(
      doc,
      (d) => extract(d, context),
      () => `id-${++n}`,
    )
    accepted.check()
    const nodes: [string, unknown][] = []
    accepted.forEach((node) => nodes.push([node.type.name, node.attrs.id]))
    expect(nodes.map(([, id]) => id)).toEqual(nodes.map((_, i) => `id-${i + 1}`))
    expect(nodes[0]![0]).toBe('actionItem')
    expect(findSuggestions(accepted, context)).toEqual([])
    expect(extract(accepted, context).actions[0]).toMatchObject({ key: 'id-1', owners: ['alc'] })
  })
})

describe('suggestions with people', () => {
  it('reads a member named as owner as their organisation', () => {
    const doc = minutesSchema().nodeFromJSON(
      importMinutes('Grace will draft the letter by Friday.', 'markdown'),
    )
    const withoutPeople = findSuggestions(doc, context)
    const withPeople = findSuggestions(doc, {
      ...context,
      people: [{ id: 'grace', name: 'Grace', organisationId: 'fpct' }],
    })
    expect(withoutPeople.map(({ item }) => 'owners' in item && item.owners)).not.toEqual([['fpct']])
    expect(withPeople.map(({ item }) => 'owners' in item && item.owners)).toEqual([['fpct']])
  })
})
