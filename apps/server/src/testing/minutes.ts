/**
 * Minutes in tests written and read the way people and the web client do: through an editor's
 * websocket, and the structure endpoint the panels poll.
 */
import { MINUTES_FIELD } from '@accord/minutes'
import type { Structure } from '@accord/minutes/structure'
import * as Y from 'yjs'
import type { AccordClient } from './accord-client.ts'

/** Adds a paragraph at the end of the minutes; returns its text, for later edits. */
export function addParagraph(doc: Y.Doc, text: string): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph')
  const content = new Y.XmlText(text)
  paragraph.insert(0, [content])
  const fragment = doc.getXmlFragment(MINUTES_FIELD)
  fragment.insert(fragment.length, [paragraph])
  return content
}

/**
 * An actionItem node of the minutes' JSON. Without `attrs`, as `/action` makes it: nothing but
 * its words, which the server reads owners and a date from.
 */
export function actionNode(id: string, text: string, attrs: Record<string, unknown> = {}) {
  return {
    type: 'actionItem',
    attrs: { id, owners: [], assignee: null, due: null, dueText: null, status: 'open', ...attrs },
    content: [{ type: 'text', text }],
  }
}

/** Opens the meeting in an editor of `person`'s, lets `change` edit it, and closes it once saved. */
export async function editMinutes(
  person: AccordClient,
  meetingId: string,
  change: (doc: Y.Doc) => void,
): Promise<void> {
  const editor = person.sync(meetingId)
  try {
    await editor.synced()
    change(editor.doc)
    await editor.saved()
  } finally {
    editor.destroy()
  }
}

/** Polls the meeting's structure until `done` holds; fails with the last answer after `timeout`. */
export async function structureWhen(
  person: AccordClient,
  meetingId: string,
  done: (structure: Structure) => boolean,
  timeout = 10_000,
): Promise<Structure> {
  const deadline = Date.now() + timeout
  for (;;) {
    const structure = await person.expect<Structure>(
      200,
      'GET',
      `/api/meetings/${meetingId}/structure`,
    )
    if (done(structure)) return structure
    if (Date.now() > deadline) {
      const last = JSON.stringify(structure).slice(0, 1000)
      throw new Error(`structure not reached in ${timeout} ms; the last answer: ${last}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
