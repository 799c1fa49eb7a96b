/**
 * Changes to the actionItem and ask nodes of a meeting's Y.Doc, as the server makes them for the
 * tracker and asks pages. Pure: they run inside `RoomServer.edit`, which stores and broadcasts
 * what they changed like any editor's keystrokes.
 *
 * y-prosemirror keeps a node as a Y.XmlElement named after its node type, its attrs as the
 * element's attributes: strings as strings, lists (owners, supporters) as arrays, and an attr
 * that is null as no attribute at all. These functions write the same way, and only where the
 * value differs, so an unchanged node costs nothing and `edit` can tell nothing changed.
 */
import { MINUTES_FIELD } from '@accord/minutes'
import type { ActionPatch, AskPatch } from '@accord/minutes/ledger'
import * as Y from 'yjs'

type AttributeValue = string | string[] | null

/** Every element named `nodeName` with id `key`, however deep (lists, blockquotes). */
export function findNodes(doc: Y.Doc, nodeName: string, key: string): Y.XmlElement[] {
  const found: Y.XmlElement[] = []
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.nodeName === nodeName && child.getAttribute('id') === key) found.push(child)
      visit(child)
    }
  }
  visit(doc.getXmlFragment(MINUTES_FIELD))
  return found
}

/**
 * Writes the patch into every actionItem with id `key`. A new due date drops the date words
 * typed with the old one ("Friday"), which would otherwise contradict it, unless the patch
 * gives the words that go with it (confirming a proposed date keeps "Friday", as the editor's
 * Confirm does). Returns how many nodes changed.
 */
export function editActionNodes(doc: Y.Doc, key: string, patch: ActionPatch): number {
  let changed = 0
  for (const node of findNodes(doc, 'actionItem', key)) {
    const attributes: Record<string, AttributeValue> = {}
    if (patch.status !== undefined) attributes.status = patch.status
    if (patch.owners !== undefined) attributes.owners = patch.owners
    if (patch.assignee !== undefined) attributes.assignee = patch.assignee
    if (patch.due !== undefined && !sameValue(node.getAttribute('due'), patch.due)) {
      attributes.due = patch.due
      attributes.dueText = null
    }
    if (patch.dueText !== undefined) attributes.dueText = patch.dueText
    if (setAttributes(node, attributes)) changed += 1
  }
  return changed
}

/** Sets the status of every ask with id `key`; returns how many nodes changed. */
export function setAskStatus(doc: Y.Doc, key: string, status: AskPatch['status']): number {
  return findNodes(doc, 'ask', key).filter((node) => setAttributes(node, { status })).length
}

/**
 * Adds the organisation to the supporters of every ask with id `key` (once), or takes it out.
 * Returns how many nodes changed: 0 when it already backed the ask, or already did not.
 */
export function setSupporter(
  doc: Y.Doc,
  key: string,
  organisationId: string,
  backing: boolean,
): number {
  let changed = 0
  for (const node of findNodes(doc, 'ask', key)) {
    const current = stringList(node.getAttribute('supporters'))
    const supporters = backing
      ? current.includes(organisationId)
        ? current
        : [...current, organisationId]
      : current.filter((id) => id !== organisationId)
    if (setAttributes(node, { supporters })) changed += 1
  }
  return changed
}

/** Writes the attributes that differ; true if any did. */
function setAttributes(node: Y.XmlElement, attributes: Record<string, AttributeValue>): boolean {
  let changed = false
  for (const [name, value] of Object.entries(attributes)) {
    if (sameValue(node.getAttribute(name), value)) continue
    if (value === null) node.removeAttribute(name)
    // Yjs types attributes as strings by default, but keeps any JSON value: lists are arrays.
    else (node as Y.XmlElement<Record<string, AttributeValue>>).setAttribute(name, value)
    changed = true
  }
  return changed
}

function sameValue(stored: unknown, value: AttributeValue): boolean {
  if (value === null) return stored === undefined || stored === null || stored === ''
  if (Array.isArray(value)) {
    return (
      Array.isArray(stored) &&
      stored.length === value.length &&
      stored.every((item, index) => item === value[index])
    )
  }
  return stored === value
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item !== '')
    : []
}
