import {
  commitmentsCsv,
  commitmentsDocx,
  commitmentsIcs,
  commitmentsJson,
  commitmentsMarkdown,
  type Commitments,
} from '@accord/exports'

type Render = (
  commitments: Commitments,
  options: { origin: string },
) => string | Promise<Uint8Array>

/** Every format an organisation's commitments download in, by file extension. */
export const COMMITMENT_FORMATS = {
  md: commitmentsMarkdown,
  csv: commitmentsCsv,
  ics: commitmentsIcs,
  docx: commitmentsDocx,
  json: commitmentsJson,
} as const satisfies Record<string, Render>

export type CommitmentFormat = keyof typeof COMMITMENT_FORMATS

export function isCommitmentFormat(format: string): format is CommitmentFormat {
  return Object.hasOwn(COMMITMENT_FORMATS, format)
}

/** "ALC-commitments-2026-11-23": whose, what, and as of when. */
export function commitmentsFileName(commitments: Commitments): string {
  return `${commitments.organisation.shortName}-commitments-${commitments.generatedOn}`
}
