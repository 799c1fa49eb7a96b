import fc from 'fast-check'
import { editSpec, type EditSpec } from './edits.ts'

/**
 * What one run does: how many replicas, which faults the network may commit, and the steps.
 * Indices (replica, channel, frame) are taken modulo what exists when the step runs, so every
 * value is a valid step and fast-check can shrink any of them.
 */
export interface Scenario {
  replicas: number
  /**
   * Each replica's Yjs client id. Yjs orders concurrent insertions by client id, and a new
   * Y.Doc draws a random one: chosen here, a seed replays the same document.
   */
  clientIds: number[]
  /** Whether frames of one connection may arrive out of order (no websocket does that). */
  reorderWithinConnection: boolean
  /** The room server's compactAfter: small values make compactions race the edits. */
  compactAfter: number
  steps: Step[]
}

export type Step =
  | { kind: 'edit'; replica: number; edit: EditSpec }
  /** Delivers `count` frames in one event-loop turn, so the server commits them together. */
  | { kind: 'deliver'; channel: number; count: number; frame: number }
  | { kind: 'duplicate'; channel: number }
  | { kind: 'drop'; replica: number; serverNotices: boolean; clientNotices: boolean }
  /** The ends of a broken connection that have not noticed yet do now. */
  | { kind: 'notice'; replica: number }
  | { kind: 'reconnect'; replica: number }
  /** Lets the server run what it scheduled: commits, fan-out, compaction, awareness. */
  | { kind: 'tick' }

const index = fc.nat({ max: 1000 })

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('edit'), replica: index, edit: editSpec }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('deliver'),
      channel: index,
      count: fc.integer({ min: 1, max: 4 }),
      frame: index,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate'), channel: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('drop'),
      replica: index,
      serverNotices: fc.boolean(),
      clientNotices: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('notice'), replica: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reconnect'), replica: index }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick') }) },
) as fc.Arbitrary<Step>

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  replicas: fc.integer({ min: 3, max: 7 }),
  clientIds: fc.uniqueArray(fc.integer({ min: 1, max: 0xffffffff }), {
    minLength: 7,
    maxLength: 7,
  }),
  reorderWithinConnection: fc.boolean(),
  compactAfter: fc.constantFrom(2, 10, 500),
  steps: fc.array(step, { minLength: 10, maxLength: 120, size: 'max' }),
})
