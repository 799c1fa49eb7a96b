/**
 * Who may change what an ask claims: its status, and which organisations back it. The HTTP API
 * lets a member endorse an ask only for their own organisation, and only a chair or the
 * secretariat move it along; the same rules hold for the minutes, where anyone with the
 * document open could otherwise write any value into the ask node. The server compares what a
 * member's update writes with what the minutes hold (apps/server/src/asks/ask-value-check.ts);
 * the editor keeps a member's own changes within the rules before it writes them.
 *
 * Values are taken as a Yjs document holds them: whatever a client wrote, not only what the
 * editor would.
 */

/** An ask's guarded attributes. */
export interface AskClaims {
  status: unknown
  supporters: unknown
}

/** What a new ask claims: the node's defaults, proposed and backed by nobody. */
export const NEW_ASK_CLAIMS: Readonly<AskClaims> = { status: 'proposed', supporters: [] }

/** Who is writing. */
export interface AskWriter {
  /** Chair or secretariat: may move asks along and record any organisation's backing. */
  mayMoveAsks: boolean
  /** The organisation the person speaks for, if any: the only one they may back an ask for. */
  organisationId: string | null
}

export const ASK_REFUSALS = {
  status: "only a chair or the secretariat can change an ask's status",
  supporters: 'you may back an ask only for your own organisation, or take that back',
  supportersShape: "an ask's supporters must be a list of organisation ids",
} as const

/**
 * Why `writer` may not change an ask from `before` to `after`, or undefined if they may. A
 * value rewritten unchanged is no change: editors write attributes again when nothing moved.
 */
export function askChangeRefusal(
  before: AskClaims,
  after: AskClaims,
  writer: AskWriter,
): string | undefined {
  if (writer.mayMoveAsks) return undefined
  if (statusOf(after.status) !== statusOf(before.status)) return ASK_REFUSALS.status
  if (after.supporters !== undefined && after.supporters !== null && !isIdList(after.supporters)) {
    return ASK_REFUSALS.supportersShape
  }
  const was = new Set(idsOf(before.supporters))
  const now = new Set(idsOf(after.supporters))
  const changed = [...was]
    .filter((id) => !now.has(id))
    .concat([...now].filter((id) => !was.has(id)))
  return changed.every((id) => id === writer.organisationId) ? undefined : ASK_REFUSALS.supporters
}

/**
 * The nearest change to `after` that `writer` may make from `before`: the status stays, other
 * organisations stay as they were, and the writer's own organisation backs the ask if `after`
 * says so. What the editor writes for a member instead of a change the server would refuse.
 */
export function permittedAskClaims(
  before: AskClaims,
  after: AskClaims,
  writer: AskWriter,
): { status: unknown; supporters: string[] } {
  if (writer.mayMoveAsks) return { status: after.status, supporters: idsOf(after.supporters) }
  const own = writer.organisationId
  const backs = own !== null && idsOf(after.supporters).includes(own)
  const supporters = idsOf(before.supporters).filter((id) => id !== own || backs)
  if (backs && !supporters.includes(own)) supporters.push(own)
  return { status: statusOf(before.status), supporters }
}

/** A status the node does not hold reads as its default. */
function statusOf(value: unknown): unknown {
  return value === undefined || value === null ? NEW_ASK_CLAIMS.status : value
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/** The organisation ids of a supporters value; anything else in it names nobody. */
function idsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item !== '')
    : []
}
