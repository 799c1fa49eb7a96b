import type { Logger } from 'pino'

/**
 * What the audit log records: the events an operator looks back at after an incident. Each is
 * one structured pino line with `audit: true` and `event`, so a log shipper can pick them out.
 */
export type AuditEvent =
  | 'sign_in_failed'
  | 'account_locked'
  | 'import_refused'
  | 'role_changed'
  | 'member_removed'
  | 'meeting_approved'
  | 'meeting_reopened'
  | 'ask_change_refused'

/** Facts about the event: who did it (personId), to what (coalitionId, meetingId), from where. */
export type AuditFields = Record<string, string | number | boolean | null | undefined>

export type Audit = (event: AuditEvent, fields: AuditFields) => void

const MESSAGES: Record<AuditEvent, string> = {
  sign_in_failed: 'sign-in failed',
  account_locked: 'account locked after failed sign-ins',
  import_refused: 'import refused',
  role_changed: 'role changed',
  member_removed: 'member removed',
  meeting_approved: 'meeting approved',
  meeting_reopened: 'meeting reopened',
  ask_change_refused: "refused a member's change to what an ask claims",
}

/**
 * Writes audit events to `logger`'s destination at info level. The audit child keeps its own
 * level, so LOG_LEVEL=warn or error quiets the server's chatter but not the audit trail;
 * LOG_LEVEL=silent asks for no log at all, and gets none.
 */
export function auditLog(logger: Logger): Audit {
  const level = logger.level === 'silent' ? 'silent' : 'info'
  const log = logger.child({ audit: true }, { level })
  return (event, fields) => log.info({ event, ...fields }, MESSAGES[event])
}
