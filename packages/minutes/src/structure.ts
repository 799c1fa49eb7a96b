/**
 * A meeting's structure as the server stores and serves it: what `extract()` found in the
 * minutes (see STRUCTURE.md), one row per item, in document order. The answer of
 * `GET /api/meetings/:id/structure`. Its own subpath, `@accord/minutes/structure`, so the web
 * client can validate answers without loading the editor schema.
 */
import { z } from 'zod'

const origin = z.enum(['explicit', 'suggested'])

/** Where in the minutes an item came from: ProseMirror positions and the text there. */
export const structureSourceSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  text: z.string(),
})

const item = {
  /** Explicit: the node id; suggestion: a stable hash of its normalised text. */
  key: z.string(),
  origin,
  text: z.string(),
  source: structureSourceSchema,
  /** Why it was proposed, e.g. 'owner "ALC" + "will" + verb'. */
  reason: z.string(),
  /** How sure the reading is, 0 to 1 (1 for explicit nodes); strong from STRONG (0.6) up. */
  confidence: z.number().min(0).max(1).default(1),
  /** Order in the document, from 0 within each list. */
  position: z.number().int().min(0),
}

export const actionStatusSchema = z.enum(['open', 'in_progress', 'done', 'dropped'])
export const askStatusSchema = z.enum(['proposed', 'agreed', 'sent'])

export const structureActionSchema = z.object({
  ...item,
  /** Organisation ids, or `['ALL']`. */
  owners: z.array(z.string()),
  /** Names that looked like an owner but match no organisation. */
  unknownOwners: z.array(z.string()),
  /** A person id. */
  assignee: z.string().nullable(),
  /** ISO date. */
  due: z.string().nullable(),
  /** The date words as written. */
  dueText: z.string().nullable(),
  /** True when the date words did not resolve to a date. */
  dueUnparsed: z.boolean(),
  status: actionStatusSchema,
  /** The meeting id an action was carried from into this one's "Matters arising". */
  carriedFrom: z.string().nullable(),
  /** Explicit actions: the owners were read from the node's words, not set on it (a proposal). */
  ownersProposed: z.boolean().default(false),
  /** Explicit actions: the due date was read from the node's words (a proposal). */
  dueProposed: z.boolean().default(false),
})

export const structureAskSchema = z.object({
  ...item,
  target: z.string().nullable(),
  /** Organisation ids. */
  supporters: z.array(z.string()),
  unknownSupporters: z.array(z.string()),
  status: askStatusSchema,
})

export const structureDecisionSchema = z.object(item)

/** The lists only: what a projection writes. */
export const structureListsSchema = z.object({
  actions: z.array(structureActionSchema),
  asks: z.array(structureAskSchema),
  decisions: z.array(structureDecisionSchema),
})

export const structureSchema = structureListsSchema.extend({
  /** Grows by one with every stored change; 0 before the first projection. */
  version: z.number().int().min(0),
})

/** The owner that means every organisation of the coalition. */
export const ALL_OWNERS = 'ALL'

export type StructureSource = z.infer<typeof structureSourceSchema>
export type StructureAction = z.infer<typeof structureActionSchema>
export type StructureAsk = z.infer<typeof structureAskSchema>
export type StructureDecision = z.infer<typeof structureDecisionSchema>
export type StructureLists = z.infer<typeof structureListsSchema>
export type Structure = z.infer<typeof structureSchema>
