import { minutesExtensions } from '@accord/minutes'
import { askChangeRefusal, NEW_ASK_CLAIMS, structuredNodeIds } from '@accord/minutes/nodes'
import { Editor, type JSONContent } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { AskGuard } from './ask-guard.ts'

const member = { mayMoveAsks: false, organisationId: 'cnn' }
const agreed = {
  type: 'ask',
  attrs: { id: 'k1', target: 'HM Treasury', supporters: ['alc', 'fpct'], status: 'agreed' },
  content: [{ type: 'text', text: 'Fund the pay rise' }],
}

/**
 * The editor's state with the minutes schema, ids and the guard for `writer`. No view: the
 * guard and UniqueID work in `appendTransaction`, which needs none.
 */
function stateFor(writer: typeof member | null, content: JSONContent[] = [agreed]) {
  const doc: JSONContent = { type: 'doc', content }
  const editor = new Editor({
    element: null,
    extensions: [...minutesExtensions(), structuredNodeIds(), AskGuard.configure({ writer })],
    content: doc,
    // The core keymap asks `navigator` which platform it is on; Node 20 has none.
    enableCoreExtensions: false,
  })
  let state = EditorState.create({
    doc: editor.schema.nodeFromJSON(doc),
    plugins: editor.extensionManager.plugins,
  })
  return {
    schema: editor.schema,
    get doc() {
      return state.doc
    },
    apply(change: (tr: Transaction) => void) {
      const tr = state.tr
      change(tr)
      state = state.applyTransaction(tr).state
    },
  }
}

function asks(doc: ProseMirrorNode) {
  const found: Record<string, unknown>[] = []
  doc.descendants((node) => {
    if (node.type.name === 'ask') found.push(node.attrs)
  })
  return found
}

/** The position inside the first ask, after `offset` characters of its text. */
const inFirstAsk = (offset: number) => 1 + offset

describe('AskGuard, for a member', () => {
  it('gives the half split off an agreed ask no status and no other backing', () => {
    const editor = stateFor(member)
    editor.apply((tr) => tr.split(inFirstAsk(4)))
    const [first, second] = asks(editor.doc)
    expect(first).toMatchObject({ id: 'k1', status: 'agreed', supporters: ['alc', 'fpct'] })
    expect(second).toMatchObject({ status: 'proposed', supporters: [] })
    expect(second!.id).not.toBe('k1')
  })

  it('keeps a pasted ask to what the member may claim: their own organisation at most', () => {
    const editor = stateFor(member)
    // A paste arrives without ids (UniqueID takes them off), and is given a key of its own.
    const pasted = editor.schema.nodeFromJSON({
      ...agreed,
      attrs: { ...agreed.attrs, id: null, supporters: ['alc', 'cnn'], status: 'sent' },
    })
    editor.apply((tr) => tr.insert(editor.doc.content.size, pasted))
    const [original, copy] = asks(editor.doc)
    expect(original).toEqual(agreed.attrs)
    expect(copy).toMatchObject({ status: 'proposed', supporters: ['cnn'] })
    expect(copy!.id).toEqual(expect.any(String))
    const claims = { status: copy!.status, supporters: copy!.supporters }
    expect(askChangeRefusal(NEW_ASK_CLAIMS, claims, member)).toBeUndefined()
  })

  it('lets an ask moved within the minutes keep what it claimed', () => {
    const editor = stateFor(member, [agreed, { type: 'paragraph' }])
    const ask = editor.doc.child(0)
    editor.apply((tr) => tr.delete(0, ask.nodeSize).insert(tr.doc.content.size, ask))
    expect(asks(editor.doc)).toEqual([agreed.attrs])
  })

  it('leaves the words alone, and every ask it did not create', () => {
    const editor = stateFor(member)
    editor.apply((tr) => tr.insertText('Please ', inFirstAsk(0)))
    expect(editor.doc.child(0).textContent).toBe('Please Fund the pay rise')
    expect(asks(editor.doc)).toEqual([agreed.attrs])
  })
})

describe('AskGuard, for a chair or the secretariat', () => {
  it('changes nothing: they record any status and any backing', () => {
    const editor = stateFor({ mayMoveAsks: true, organisationId: 'alc' })
    editor.apply((tr) => tr.split(inFirstAsk(4)))
    expect(asks(editor.doc)[1]).toMatchObject({ status: 'agreed', supporters: ['alc', 'fpct'] })
  })
})
