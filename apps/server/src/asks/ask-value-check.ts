import {
  ASK_REFUSALS,
  ASK_STATUSES,
  askChangeRefusal,
  NEW_ASK_CLAIMS,
  type AskClaims,
  type AskWriter,
} from '@accord/minutes/nodes'
import { attributeWrites, type ConnectionContentCheck, type ElementWrites } from '@accord/sync'
import type * as Y from 'yjs'
import { findNodes } from '../ledger/document-edits.ts'

/**
 * The ask rules of `askChangeRefusal` (@accord/minutes/nodes) for one websocket connection:
 * what a member's update writes into an ask's status and supporters is compared with what the
 * minutes hold now, so a member can do over the websocket what the HTTP API lets them do and no
 * more. Chairs and the secretariat get no check. Text, the target and deletions are not
 * checked: a member edits those like any other words of the minutes.
 *
 * An ask the update creates is compared with the defaults (proposed, backed by nobody), and with
 * the ask of the same key where the minutes hold one: an ask moved (deleted and written again,
 * as editors do when a node is wrapped in a list) or cut and pasted keeps its claims. So that
 * undoing a deletion works too, the claims of asks this check saw deleted are remembered for as
 * long as the room keeps the document.
 */
export function askValueCheck(writer: AskWriter): ConnectionContentCheck | undefined {
  if (writer.mayMoveAsks) return undefined
  return (update, doc) => {
    const { elements, deleted } = attributeWrites(update, doc)
    const memory = deletedAsksOf(doc)
    for (const element of deleted) {
      const key = element.getAttribute('id')
      if (element.nodeName === 'ask' && typeof key === 'string') memory.set(key, claimsOf(element))
    }
    for (const writes of elements) {
      const refused =
        writes.target.kind === 'unknown'
          ? unknownRefusal(writes, writer)
          : askRefusal(writes, doc, memory, writer)
      if (refused) return refused
    }
    return undefined
  }
}

const deletedAsks = new WeakMap<Y.Doc, Map<string, AskClaims>>()

function deletedAsksOf(doc: Y.Doc): Map<string, AskClaims> {
  let memory = deletedAsks.get(doc)
  if (!memory) deletedAsks.set(doc, (memory = new Map()))
  return memory
}

function claimsOf(element: Y.XmlElement): AskClaims {
  const attributes = element.getAttributes() as Record<string, unknown>
  return { status: attributes.status, supporters: attributes.supporters }
}

/**
 * Every combination of the values written is checked (a Yjs client writes one value per
 * attribute; a forged update may hold several, any of which could end up in the document).
 */
function askRefusal(
  { target, attributes }: ElementWrites,
  doc: Y.Doc,
  memory: ReadonlyMap<string, AskClaims>,
  writer: AskWriter,
): string | undefined {
  if (target.kind === 'unknown') return undefined
  const existing = target.kind === 'existing' ? target.element : null
  if ((existing ? existing.nodeName : target.kind === 'created' && target.nodeName) !== 'ask') {
    return undefined
  }
  const before = existing ? claimsOf(existing) : undefined
  const key: unknown = existing?.getAttribute('id')
  for (const id of attributes.get('id') ?? [key]) {
    const baselines =
      before && id === key
        ? [before]
        : [
            NEW_ASK_CLAIMS,
            ...(typeof id === 'string' ? findNodes(doc, 'ask', id).map(claimsOf) : []),
            ...(typeof id === 'string' && memory.has(id) ? [memory.get(id)!] : []),
          ]
    for (const status of attributes.get('status') ?? [before?.status]) {
      for (const supporters of attributes.get('supporters') ?? [before?.supporters]) {
        const refusals = baselines.map((claims) =>
          askChangeRefusal(claims, { status, supporters }, writer),
        )
        if (refusals.every((refusal) => refusal !== undefined)) return refusals[0]
      }
    }
  }
  return undefined
}

/**
 * Values written into an element not stored yet (an update still waiting in the commit queue):
 * neither the element nor, for a value set again, the attribute is known. A status only asks
 * have, or a list naming other organisations, is refused; no editor writes one that way, and a
 * client refused for content the queue was still storing gets it through on the reconnect,
 * whose step 2 arrives once that content is stored.
 */
function unknownRefusal({ attributes }: ElementWrites, writer: AskWriter): string | undefined {
  for (const [key, values] of attributes) {
    for (const value of values) {
      if ((key === 'status' || key === null) && isClaimedStatus(value)) return ASK_REFUSALS.status
      const names = Array.isArray(value) ? (value as unknown[]) : []
      if (
        (key === 'supporters' || key === null) &&
        names.some((id) => id !== writer.organisationId)
      ) {
        return ASK_REFUSALS.supporters
      }
    }
  }
  return undefined
}

const isClaimedStatus = (value: unknown) =>
  value !== NEW_ASK_CLAIMS.status && (ASK_STATUSES as readonly unknown[]).includes(value)
