export { SaveStatus } from './save-status.ts'
export { CloseCode } from '../protocol.ts'
