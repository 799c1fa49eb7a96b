import type { Logger } from 'pino'

export interface CatchUpOptions {
  /** Meetings whose document is ahead of their structure (listMeetingsBehind), latest first. */
  behind: () => Promise<string[]>
  /** Projects one meeting; resolves once stored (a failure is logged by the projector). */
  project: (meetingId: string) => Promise<void>
  /**
   * Projections under way at once: as many as there are extraction workers keeps each busy,
   * while the live projections of people typing wait behind at most one catch-up each, and no
   * more documents than that are held in memory.
   */
  concurrency: number
  logger: Logger
}

export interface CatchUp {
  /** Resolves once every meeting behind is projected, or once stopped; never rejects. */
  done: Promise<{ projected: number }>
  /** Starts no further projection; the ones under way finish. */
  stop(): void
}

/**
 * At start, projects every meeting whose document changed after its last projection: the edits
 * of a crashed server's last second (a projection waits ~300 ms after typing, and a status set
 * on the tracker is stored before it is projected), or, after the migration that added
 * revisions, every meeting once. It runs in the background while the server serves: a server
 * with thousands of meetings behind still answers at once, and Start next meeting projects its
 * own coalition's first (start-next-meeting.ts).
 */
export function catchUpProjections({
  behind,
  project,
  concurrency,
  logger,
}: CatchUpOptions): CatchUp {
  let stopped = false
  const done = (async () => {
    const started = performance.now()
    let meetingIds: string[]
    try {
      meetingIds = await behind()
    } catch (error) {
      logger.error({ err: error }, 'could not find the meetings whose structure is behind')
      return { projected: 0 }
    }
    let next = 0
    let projected = 0
    const worker = async () => {
      while (!stopped && next < meetingIds.length) {
        await project(meetingIds[next++]!).catch(() => undefined)
        projected++
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
    if (meetingIds.length > 0) {
      logger.info(
        {
          meetings: projected,
          behind: meetingIds.length,
          ms: Math.round(performance.now() - started),
        },
        'projected the meetings whose minutes changed after their last projection',
      )
    }
    return { projected }
  })()
  return {
    done,
    stop: () => {
      stopped = true
    },
  }
}
