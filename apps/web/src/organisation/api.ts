import { z } from 'zod'
import { request, requestEmpty, segment } from '../api/request.ts'

/**
 * An organisation's commitments as files, and the secret calendar links that publish their due
 * dates. The link's token is in its URL only: the server keeps a hash, so the URL is shown once,
 * when it is made, and a lost one is revoked and made again.
 */

export const calendarFeedSchema = z.object({
  id: z.string(),
  /** ISO time */
  createdAt: z.string(),
  revokedAt: z.string().nullable().optional(),
})
export type CalendarFeed = z.infer<typeof calendarFeedSchema>

const createdFeedSchema = z.object({ feed: calendarFeedSchema, url: z.string() })
const feedListSchema = z.object({ feeds: z.array(calendarFeedSchema) })

export type CommitmentsFormat = 'md' | 'csv' | 'ics' | 'docx' | 'json'

const organisationPath = (coalitionId: string, organisationId: string) =>
  `/api/coalitions/${segment(coalitionId)}/organisations/${segment(organisationId)}`

/** Where DownloadButton fetches the organisation's commitments in one format. */
export function commitmentsPath(
  coalitionId: string,
  organisationId: string,
  format: CommitmentsFormat,
): string {
  return `${organisationPath(coalitionId, organisationId)}/commitments.${format}`
}

/** A new link; `url` is absolute (a path from the server is made absolute here). */
export async function createCalendarFeed(
  coalitionId: string,
  organisationId: string,
): Promise<{ feed: CalendarFeed; url: string }> {
  const created = await request(
    `${organisationPath(coalitionId, organisationId)}/calendar-feeds`,
    createdFeedSchema,
    { method: 'POST' },
  )
  return { ...created, url: new URL(created.url, location.origin).href }
}

/** The links still working, newest first. */
export async function listCalendarFeeds(
  coalitionId: string,
  organisationId: string,
  signal?: AbortSignal,
): Promise<CalendarFeed[]> {
  const { feeds } = await request(
    `${organisationPath(coalitionId, organisationId)}/calendar-feeds`,
    feedListSchema,
    { signal },
  )
  return feeds.filter((feed) => !feed.revokedAt)
}

/** The link stops working at once. */
export function revokeCalendarFeed(
  coalitionId: string,
  organisationId: string,
  feedId: string,
): Promise<void> {
  return requestEmpty(
    `${organisationPath(coalitionId, organisationId)}/calendar-feeds/${segment(feedId)}`,
    { method: 'DELETE' },
  )
}
