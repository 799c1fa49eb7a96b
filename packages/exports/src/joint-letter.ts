/**
 * A joint letter from the coalition: the asks it has agreed, who they are addressed to, and the
 * organisations that sign, which are those that endorsed at least one of the asks in it. An
 * organisation signs only on its own word: the ask's `endorsedBy` (named in the minutes, and
 * its last endorsement record through Accord an endorsement, not a withdrawal). Organisations
 * the minutes name as supporters without endorsing do not sign; whoever wrote the minutes
 * cannot sign for them.
 */
import type { Ledger, LedgerAsk, LedgerOrganisation } from '@accord/minutes/ledger'

export interface JointLetterAsk {
  key: string
  text: string
  target: string | null
  status: LedgerAsk['status']
  /** The organisations that endorsed it, in ledger order. */
  supporters: LedgerOrganisation[]
}

export interface JointLetter {
  coalition: Ledger['coalition']
  /** Distinct targets of the asks, in the order they first appear. */
  targets: string[]
  asks: JointLetterAsk[]
  /** Organisations that endorsed at least one ask, in ledger order; may be none. */
  signatories: LedgerOrganisation[]
  /** YYYY-MM-DD, or null to leave the date line for the signer. */
  date: string | null
}

export interface JointLetterOptions {
  /** Only asks of this target (case and surrounding spaces ignored), when choosing by status. */
  target?: string
  /** Exactly these asks, in this order; `target` and status are then not consulted. */
  keys?: string[]
  /** YYYY-MM-DD for the date line. */
  date?: string
}

/** The asks ready to go out: agreed by the coalition, or already sent. */
const READY: ReadonlySet<LedgerAsk['status']> = new Set(['agreed', 'sent'])

export function jointLetterOf(ledger: Ledger, options: JointLetterOptions = {}): JointLetter {
  const chosen = chooseAsks(ledger, options)
  const supporting = new Set(chosen.flatMap((ask) => ask.endorsedBy))
  const byId = (ids: string[]) => ledger.organisations.filter((org) => ids.includes(org.id))
  const targets = [...new Set(chosen.flatMap((ask) => (ask.target ? [ask.target] : [])))]
  return {
    coalition: ledger.coalition,
    targets,
    asks: chosen.map((ask) => ({
      key: ask.key,
      text: ask.text,
      target: ask.target,
      status: ask.status,
      supporters: byId(ask.endorsedBy),
    })),
    signatories: ledger.organisations.filter((org) => supporting.has(org.id)),
    date: options.date ?? null,
  }
}

function chooseAsks(ledger: Ledger, { keys, target }: JointLetterOptions): LedgerAsk[] {
  if (keys) {
    const byKey = new Map(ledger.asks.map((ask) => [ask.key, ask]))
    const unknown = keys.filter((key) => !byKey.has(key))
    if (unknown.length > 0) throw new Error(`No ask with key ${unknown.map(quote).join(', ')}`)
    if (keys.length === 0) throw new Error('Choose at least one ask for the letter')
    return [...new Set(keys)].map((key) => byKey.get(key)!)
  }
  const wanted = target?.trim().toLowerCase()
  const chosen = ledger.asks.filter(
    (ask) =>
      READY.has(ask.status) &&
      (wanted === undefined || ask.target?.trim().toLowerCase() === wanted),
  )
  if (chosen.length === 0) {
    const of = target === undefined ? '' : ` of ${quote(target)}`
    throw new Error(`No agreed or sent asks${of} for a joint letter`)
  }
  return chosen
}

const quote = (text: string) => `"${text}"`
