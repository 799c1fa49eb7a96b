import { Hono } from 'hono'
import { requirePerson } from '../accounts/require-person.ts'
import type { Caps } from '../coalitions/caps.ts'
import type { AppEnv } from '../http/app-env.ts'
import type { Storage } from '../storage/storage.ts'
import { createDemoCoalition } from './create-demo.ts'
import type { ReviewMinutes } from './review-minutes.ts'

/** `POST /api/demo`: a realistic coalition to look around, with the caller as its chair. */
export function demoRoutes({
  storage,
  projectNow,
  reviewMinutes,
  caps,
}: {
  storage: Storage
  /** Stores a meeting's structure now, so the tracker and asks board are full from the start. */
  projectNow: (meetingId: string) => Promise<void>
  /** Accepts the earlier meetings' suggestions, off the event loop. */
  reviewMinutes: ReviewMinutes
  /** A demo is a coalition the caller chairs, and one of the day's demos (coalitions/caps.ts). */
  caps: Pick<Caps, 'newCoalition'>
}) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const person = requirePerson(c)
    const membership = await caps.newCoalition(
      person.id,
      () => createDemoCoalition(storage, person.id, reviewMinutes),
      { demo: true },
    )
    for (const meeting of await storage.meetings.listMeetings(membership.coalition.id)) {
      // Logged if it fails; the meeting's structure then comes when it is first opened.
      await projectNow(meeting.id).catch(() => undefined)
    }
    return c.json({ membership }, 201)
  })
}
