export {
  commitmentsOf,
  linkOf,
  type ActionStatus,
  type CommitmentMeeting,
  type CommitmentRow,
  type Commitments,
} from './commitments.ts'
export { commitmentsMarkdown } from './commitments-markdown.ts'
export { commitmentsCsv, COMMITMENTS_CSV_HEADER } from './commitments-csv.ts'
export { commitmentsIcs } from './commitments-ics.ts'
export { commitmentsDocx } from './commitments-docx.ts'
export {
  commitmentsDocument,
  commitmentsDocumentSchema,
  commitmentsJson,
  type CommitmentsDocument,
} from './commitments-json.ts'
export {
  jointLetterOf,
  type JointLetter,
  type JointLetterAsk,
  type JointLetterOptions,
} from './joint-letter.ts'
export { jointLetterMarkdown } from './joint-letter-markdown.ts'
export { jointLetterDocx } from './joint-letter-docx.ts'
export type { ActionProposal, MinutesExportInput } from './minutes-input.ts'
export { minutesMarkdown } from './minutes-markdown.ts'
export { minutesHtml } from './minutes-html.ts'
export { minutesDocx } from './minutes-docx.ts'
