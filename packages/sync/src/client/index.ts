export { SaveStatus } from './save-status.ts'
