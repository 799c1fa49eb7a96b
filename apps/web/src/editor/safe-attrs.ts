import {
  ACTION_STATUSES,
  type ActionItemAttrs,
  type ActionStatus,
  type AskAttrs,
} from '@accord/minutes/nodes'

/**
 * A node's attributes come from any member's Yjs updates, not only from this editor: a string
 * where a list belongs, or "2025-13-45" as a date, must show as nothing rather than break the
 * page for everyone who opens the meeting.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function list(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : []
}

export function actionAttrs(attrs: Record<string, unknown>): ActionItemAttrs {
  const status = ACTION_STATUSES.includes(attrs.status as ActionStatus)
    ? (attrs.status as ActionStatus)
    : 'open'
  return {
    ...(attrs as unknown as ActionItemAttrs),
    owners: list(attrs.owners),
    assignee: text(attrs.assignee),
    due: isCalendarDate(attrs.due) ? attrs.due : null,
    dueText: text(attrs.dueText),
    status,
    carriedFrom: text(attrs.carriedFrom),
    writtenOn: isCalendarDate(attrs.writtenOn) ? attrs.writtenOn : null,
  }
}

export function askAttrs(attrs: Record<string, unknown>): AskAttrs {
  return {
    ...(attrs as unknown as AskAttrs),
    target: text(attrs.target),
    supporters: list(attrs.supporters),
  }
}
