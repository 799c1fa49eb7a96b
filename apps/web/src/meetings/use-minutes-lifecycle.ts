import type { Meeting } from '@accord/minutes/meeting'
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react'
import { getMeeting } from '../api/meetings.ts'
import { useApi } from '../api/use-api.ts'
import { listVersions } from './lifecycle-api.ts'

/**
 * How often an open meeting page asks whether its minutes were approved or reopened. The sync
 * server also tells an editor that sends an edit into approved minutes; this covers the rest.
 */
export const STATUS_POLL_MS = 10_000

/**
 * Keeps an open meeting's status (draft or approved) and its versions current: asks for the
 * meeting every {@link STATUS_POLL_MS} while the page is visible, and at once on `recheck`
 * (e.g. when the server refused an edit). A new status reaches the page by `onMeetingChange`.
 */
export function useMinutesLifecycle(meeting: Meeting, onMeetingChange: (meeting: Meeting) => void) {
  const meetingId = meeting.id
  const loadVersions = useCallback(
    (signal: AbortSignal) => listVersions(meetingId, signal),
    [meetingId],
  )
  const { state: versions, refresh: refreshVersions } = useApi(loadVersions)

  // Every approval or reopening adds a version, whoever made it and however it was learned.
  const listedFor = useRef(meeting.status)
  useEffect(() => {
    if (listedFor.current === meeting.status) return
    listedFor.current = meeting.status
    refreshVersions()
  }, [meeting.status, refreshVersions])

  const [checks, setChecks] = useState(0)
  const recheck = useCallback(() => setChecks((n) => n + 1), [])
  const learned = useEffectEvent((fresh: Meeting) => {
    if (fresh.status !== meeting.status) onMeetingChange(fresh)
  })

  useEffect(() => {
    if (checks === 0) return
    const controller = new AbortController()
    // A failed check is left to the next one; a meeting that is gone shows through the socket.
    getMeeting(meetingId, controller.signal).then(
      (fresh) => {
        if (!controller.signal.aborted) learned(fresh)
      },
      () => undefined,
    )
    return () => controller.abort()
  }, [checks, meetingId])

  useEffect(() => {
    const checkIfVisible = () => {
      if (document.visibilityState === 'visible') recheck()
    }
    const timer = setInterval(checkIfVisible, STATUS_POLL_MS)
    // A tab in the background is not polled; coming back to it checks at once.
    document.addEventListener('visibilitychange', checkIfVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', checkIfVisible)
    }
  }, [recheck])

  return { versions, recheck }
}
