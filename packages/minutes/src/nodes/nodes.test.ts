import { Editor, type JSONContent } from '@tiptap/core'
import type { NodeType, Node as ProseMirrorNode, TagParseRule } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { MINUTES_FIELD, minutesExtensions, minutesSchema, readMinutes } from '../index.ts'
import { STRUCTURED_NODE_TYPES, structuredNodeIds } from './index.ts'

const text = (value: string): JSONContent => ({ type: 'text', text: value })

const action: JSONContent = {
  type: 'actionItem',
  attrs: {
    id: 'act-1',
    owners: ['alc', 'tuc'],
    assignee: 'person-7',
    due: '2025-03-28',
    dueText: 'Friday',
    status: 'in_progress',
    carriedFrom: 'meeting-3',
    writtenOn: '2025-03-18',
  },
  content: [
    { type: 'organisationMention', attrs: { id: 'alc', label: 'ALC' } },
    text(' to circulate the analysis'),
  ],
}
const ask: JSONContent = {
  type: 'ask',
  attrs: { id: 'ask-1', target: 'HM Treasury', supporters: ['alc'], status: 'agreed' },
  content: [text('Publish the impact assessment')],
}
const decision: JSONContent = {
  type: 'decision',
  attrs: { id: 'dec-1' },
  content: [text('We back the joint letter')],
}
/** An action as a fresh node has it: every attribute at its default. */
const bareAction: JSONContent = {
  type: 'actionItem',
  attrs: {
    id: null,
    owners: [],
    assignee: null,
    due: null,
    dueText: null,
    status: 'open',
    carriedFrom: null,
    writtenOn: null,
  },
  content: [text('Someone should do this')],
}

const minutes: JSONContent = { type: 'doc', content: [action, ask, decision, bareAction] }

/** A stand-in for the DOM element a pasted node arrives as: only its attributes matter. */
function element(attributes: Record<string, unknown>) {
  return { getAttribute: (name: string) => (name in attributes ? String(attributes[name]) : null) }
}

/** Attributes as ProseMirror's DOMParser reads them from `element`, defaults filled in. */
function parseAttrs(type: NodeType, attributes: Record<string, unknown>) {
  const rule = type.spec.parseDOM?.[0] as TagParseRule
  const parsed = rule.getAttrs?.(element(attributes) as unknown as HTMLElement)
  return type.create(parsed || null).attrs
}

/** What ProseMirror's DOMSerializer would put on the element, and what its DOMParser reads back. */
function htmlRoundTrip(node: ProseMirrorNode) {
  const spec = node.type.spec.toDOM?.(node) as [string, Record<string, unknown>, ...unknown[]]
  return parseAttrs(node.type, spec[1])
}

describe('structured nodes', () => {
  it('keep every attribute through JSON', () => {
    const doc = minutesSchema().nodeFromJSON(minutes)
    doc.check()
    expect(doc.toJSON()).toEqual(minutes)
  })

  it('keep every attribute through a Y.Doc, as the server reads it', () => {
    const ydoc = prosemirrorJSONToYDoc(minutesSchema(), minutes, MINUTES_FIELD)
    expect(readMinutes(ydoc).json).toEqual(minutes)
  })

  it('keep every attribute through HTML data attributes, as copy and paste does', () => {
    const doc = minutesSchema().nodeFromJSON(minutes)
    doc.forEach((node) => expect(htmlRoundTrip(node)).toEqual(node.attrs))
    const mention = doc.firstChild?.firstChild
    expect(mention && htmlRoundTrip(mention)).toEqual({ id: 'alc', label: 'ALC' })
  })

  it('fall back to defaults for pasted attributes that do not fit', () => {
    const attrs = parseAttrs(minutesSchema().nodes.actionItem as NodeType, {
      'data-owners': '{"not":"a list"}',
      'data-due': 'next week',
      'data-status': 'sort of',
    })
    expect(attrs).toMatchObject({ owners: [], due: null, status: 'open', dueText: null })
  })

  it('read a mention as @ and its short name in plain text', () => {
    const doc = minutesSchema().nodeFromJSON(minutes)
    expect(doc.firstChild?.textContent).toBe('@ALC to circulate the analysis')
  })
})

describe('structuredNodeIds', () => {
  /**
   * The editor's plugins on a bare EditorState: Tiptap only mounts a view with a DOM, but
   * UniqueID's work happens in `appendTransaction`, which needs none.
   */
  function editorState(content: JSONContent) {
    const editor = new Editor({
      element: null,
      extensions: [...minutesExtensions(), structuredNodeIds()],
      // A string would be parsed as HTML, which needs a DOM.
      content,
      // The core keymap asks `navigator` which platform it is on; Node 20 has none.
      enableCoreExtensions: false,
    })
    const state = EditorState.create({
      doc: editor.schema.nodeFromJSON(content),
      plugins: editor.extensionManager.plugins,
    })
    return { editor, state }
  }

  function ids(doc: ProseMirrorNode): (string | null)[] {
    const found: (string | null)[] = []
    doc.descendants((node) => {
      if ((STRUCTURED_NODE_TYPES as readonly string[]).includes(node.type.name)) {
        found.push(node.attrs.id as string | null)
      }
    })
    return found
  }

  it('gives a new node an id and keeps the ids already there', () => {
    const { editor, state } = editorState({ type: 'doc', content: [action] })
    const node = editor.schema.nodeFromJSON(bareAction)
    const next = state.apply(state.tr.insert(state.doc.content.size, node))
    const [first, second] = ids(next.doc)
    expect(first).toBe('act-1')
    expect(second).toEqual(expect.any(String))
    editor.destroy()
  })

  it('makes ids unique when the same node is inserted twice', () => {
    const { editor, state } = editorState({ type: 'doc', content: [{ type: 'paragraph' }] })
    const node = editor.schema.nodeFromJSON(decision)
    const next = state.apply(state.tr.insert(state.doc.content.size, [node, node]))
    const found = ids(next.doc)
    expect(found).toHaveLength(2)
    expect(new Set(found).size).toBe(2)
    expect(found).not.toContain(null)
    editor.destroy()
  })

  it('leaves changes that arrive through Yjs alone', () => {
    const { editor, state } = editorState({ type: 'doc', content: [{ type: 'paragraph' }] })
    const node = editor.schema.nodeFromJSON(bareAction)
    const tr = state.tr.insert(state.doc.content.size, node).setMeta('y-sync$', {})
    expect(ids(state.apply(tr).doc)).toEqual([null])
    editor.destroy()
  })
})
