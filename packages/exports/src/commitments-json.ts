/**
 * An organisation's commitments as a versioned JSON document, for other tools to read. The
 * `format` and `version` fields let a reader refuse a document it does not understand; a change
 * that removes or retypes a field bumps the version.
 */
import { z } from 'zod'
import { actionStatusSchema } from '@accord/minutes/structure'
import { linkOf, type Commitments } from './commitments.ts'

const meetingSchema = z.object({ id: z.string(), title: z.string(), date: z.iso.date() })

export const commitmentsDocumentSchema = z.object({
  format: z.literal('accord.commitments'),
  version: z.literal(1),
  coalition: z.object({ id: z.string(), name: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string(), shortName: z.string() }),
  generatedOn: z.iso.date(),
  rows: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      status: actionStatusSchema,
      due: z.iso.date().nullable(),
      dueText: z.string().nullable(),
      overdue: z.boolean(),
      sharedWithAll: z.boolean(),
      coOwners: z.array(z.string()),
      assignee: z.string().nullable(),
      /**
       * The owners (and assignee) were read from the action's words, not set on it: a proposal.
       * Added within version 1, so a document from before them reads as nothing proposed.
       */
      ownersProposed: z.boolean().default(false),
      /** The due date (or its words) were read from the action's words: a proposal. */
      dueProposed: z.boolean().default(false),
      raisedIn: meetingSchema,
      heldIn: meetingSchema,
      carried: z.boolean(),
      sourceText: z.string(),
      /** Absolute when the exporter was given an origin. */
      link: z.string(),
    }),
  ),
})

export type CommitmentsDocument = z.infer<typeof commitmentsDocumentSchema>

export function commitmentsDocument(
  commitments: Commitments,
  options: { origin?: string } = {},
): CommitmentsDocument {
  return {
    format: 'accord.commitments',
    version: 1,
    ...commitments,
    rows: commitments.rows.map((row) => ({ ...row, link: linkOf(row, options.origin) })),
  }
}

export function commitmentsJson(commitments: Commitments, options: { origin?: string } = {}) {
  return `${JSON.stringify(commitmentsDocument(commitments, options), null, 2)}\n`
}
