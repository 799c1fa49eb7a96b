import { MINUTES_FIELD } from '@accord/minutes'
import {
  ASK_REFUSALS,
  ASK_STATUSES,
  askChangeRefusal,
  NEW_ASK_CLAIMS,
  type AskClaims,
  type AskWriter,
} from '@accord/minutes/nodes'
import { attributeWrites, type ConnectionContentCheck, type ElementWrites } from '@accord/sync'
import * as Y from 'yjs'

/** What the asks of a key claim: in the minutes now, or when last seen before a deletion. */
type ClaimsOfKey = (key: unknown) => AskClaims[]

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
    // Read once per update, and only if it creates an ask or gives one another key: one update
    // may hold thousands of elements, and each lookup would otherwise walk the whole minutes.
    let inMinutes: Map<string, AskClaims[]> | undefined
    const claimsOfKey: ClaimsOfKey = (key) => {
      if (typeof key !== 'string') return []
      inMinutes ??= asksByKey(doc)
      const remembered = memory.get(key)
      return [...(inMinutes.get(key) ?? []), ...(remembered ? [remembered] : [])]
    }
    for (const writes of elements) {
      const refused =
        writes.target.kind === 'unknown'
          ? unknownRefusal(writes, writer)
          : askRefusal(writes, claimsOfKey, writer)
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

/** Every ask of the minutes by key, with what it claims. */
function asksByKey(doc: Y.Doc): Map<string, AskClaims[]> {
  const byKey = new Map<string, AskClaims[]>()
  const asks = doc
    .getXmlFragment(MINUTES_FIELD)
    .createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'ask')
  for (const ask of asks as Iterable<Y.XmlElement>) {
    const key = ask.getAttribute('id')
    if (typeof key === 'string') byKey.set(key, [...(byKey.get(key) ?? []), claimsOf(ask)])
  }
  return byKey
}

function claimsOf(element: Y.XmlElement): AskClaims {
  const attributes = element.getAttributes() as Record<string, unknown>
  return { status: attributes.status, supporters: attributes.supporters }
}

/** Why a change this update makes to an ask's claims is not the writer's to make. */
function askRefusal(
  { target, attributes }: ElementWrites,
  claimsOfKey: ClaimsOfKey,
  writer: AskWriter,
): string | undefined {
  if (target.kind === 'unknown') return undefined
  const existing = target.kind === 'existing' ? target.element : null
  if ((existing ? existing.nodeName : target.kind === 'created' && target.nodeName) !== 'ask') {
    return undefined
  }
  // A Yjs client writes one value per attribute (one it replaces is deleted in the same update);
  // several could each end up in the document, and checking every combination costs too much.
  if (GUARDED.some((name) => (attributes.get(name)?.length ?? 0) > 1)) return ONE_VALUE
  const before = existing ? claimsOf(existing) : undefined
  const key: unknown = existing?.getAttribute('id')
  const id = attributes.has('id') ? attributes.get('id')![0] : key
  const after: AskClaims = {
    status: attributes.has('status') ? attributes.get('status')![0] : before?.status,
    supporters: attributes.has('supporters')
      ? attributes.get('supporters')![0]
      : before?.supporters,
  }
  const baselines = before && id === key ? [before] : [NEW_ASK_CLAIMS, ...claimsOfKey(id)]
  const refusals = baselines.map((claims) => askChangeRefusal(claims, after, writer))
  return refusals.every((refusal) => refusal !== undefined) ? refusals[0] : undefined
}

const GUARDED = ['id', 'status', 'supporters']
const ONE_VALUE = "an update may set each of an ask's attributes only once"

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
