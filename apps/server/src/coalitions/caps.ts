/**
 * Caps on what one person can make, so that a script, or someone with a stolen session, cannot
 * fill the database or keep the server's workers busy:
 * - coalitions a person chairs (MAX_COALITIONS_PER_PERSON): a new coalition or demo makes them
 *   its chair, so past the cap they are refused one; counted from storage, so it holds across
 *   restarts and instances;
 * - demos a person starts a day (DEMOS_PER_PERSON_PER_DAY): each loads and reviews sample
 *   minutes, the dearest thing a single request can ask for;
 * - meetings a person makes a day (MEETINGS_PER_PERSON_PER_DAY), new, next or imported;
 * - meetings a coalition holds (MAX_MEETINGS_PER_COALITION): every ledger read goes over them.
 *
 * The daily ones are counted in memory per instance, like the rate limits. A count from storage
 * and the write it allows run one at a time per person or coalition on this instance, so
 * requests made at once cannot all pass a count none of them has yet added to.
 */
import type { CoalitionStore } from './coalition-store.ts'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import { ApiError } from '../http/api-error.ts'
import { RateLimit } from '../http/rate-limits.ts'

export interface CapSettings {
  coalitionsPerPerson: number
  demosPerPersonPerDay: number
  meetingsPerPersonPerDay: number
  meetingsPerCoalition: number
}

const DAY_SECONDS = 24 * 60 * 60

const limitReached = (message: string) => new ApiError(403, 'limit_reached', message)

/** Runs tasks one after another per key; a failed task does not stop the next. */
function oneAtATime() {
  const queues = new Map<string, Promise<void>>()
  return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(key) ?? Promise.resolve()
    const run = previous.then(task)
    const tail = run.then(
      () => undefined,
      () => undefined,
    )
    queues.set(key, tail)
    try {
      return await run
    } finally {
      if (queues.get(key) === tail) queues.delete(key)
    }
  }
}

export function caps(
  settings: CapSettings,
  {
    coalitions,
    meetings,
  }: { coalitions: CoalitionStore; meetings: Pick<MeetingStore, 'listMeetings'> },
) {
  const serial = oneAtATime()
  const demos = new RateLimit(
    settings.demosPerPersonPerDay,
    DAY_SECONDS,
    `You have started ${settings.demosPerPersonPerDay} demos today, the most one person may: carry on with one you have.`,
  )
  const meetingsToday = new RateLimit(
    settings.meetingsPerPersonPerDay,
    DAY_SECONDS,
    `You have made ${settings.meetingsPerPersonPerDay} meetings today, the most one person may in a day.`,
  )

  return {
    /** Runs `create` if `personId` may chair one more coalition; a demo also counts as one of the day's demos. */
    async newCoalition<T>(
      personId: string,
      create: () => Promise<T>,
      { demo = false } = {},
    ): Promise<T> {
      return serial(`person:${personId}`, async () => {
        const chaired = (await coalitions.membershipsOf(personId)).filter(
          (membership) => membership.role === 'chair',
        ).length
        if (chaired >= settings.coalitionsPerPerson) {
          throw limitReached(
            `You chair ${chaired} coalitions already, the most one person may: make someone else chair of one you no longer run, then try again.`,
          )
        }
        if (demo) await demos.consume(personId)
        return create()
      })
    },

    /** Runs `create` if the coalition may hold one more meeting and `personId` may make one today. */
    async newMeeting<T>(personId: string, coalitionId: string, create: () => Promise<T>) {
      return serial(`coalition:${coalitionId}`, async () => {
        const held = (await meetings.listMeetings(coalitionId)).length
        if (held >= settings.meetingsPerCoalition) {
          throw limitReached(
            `This coalition holds ${held} meetings, the most one may: ask whoever runs this Accord server to raise the limit.`,
          )
        }
        await meetingsToday.consume(personId)
        return create()
      })
    },
  }
}

export type Caps = ReturnType<typeof caps>
