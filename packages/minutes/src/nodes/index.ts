export { ActionItem, ACTION_STATUSES, ALL_MEMBERS } from './action-item.ts'
export type { ActionItemAttrs, ActionStatus } from './action-item.ts'
export { Ask, ASK_STATUSES } from './ask.ts'
export type { AskAttrs, AskStatus } from './ask.ts'
export { Decision } from './decision.ts'
export type { DecisionAttrs } from './decision.ts'
export { mentionText, OrganisationMention } from './organisation-mention.ts'
export type { OrganisationMentionAttrs } from './organisation-mention.ts'
export { STRUCTURED_NODE_TYPES, structuredNodeIds } from './unique-ids.ts'
export type { StructuredNodeType } from './unique-ids.ts'
export { parseIdList } from './attributes.ts'
export {
  ASK_REFUSALS,
  askChangeRefusal,
  NEW_ASK_CLAIMS,
  permittedAskClaims,
} from './ask-claims.ts'
export type { AskClaims, AskWriter } from './ask-claims.ts'
