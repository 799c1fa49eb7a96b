export { SaveStatus } from './save-status.ts'
export { StructureChanges } from './structure-changes.ts'
export { CloseCode } from '../protocol.ts'
