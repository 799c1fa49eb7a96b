import type { Meeting } from '@accord/minutes/meeting'
import { useRef, useState } from 'react'
import { setAttendance } from '../api/meetings.ts'
import { errorMessage } from '../api/request.ts'

export type AttendanceStatus = 'idle' | 'saving' | 'saved' | 'failed'

/**
 * The attendance as ticked on this page, saved on every change. Ticks show at once; requests go
 * one at a time, and ticks made while one is out are sent together after it, so the server ends
 * with the last state ticked. A refusal puts back what the server holds.
 */
export function useAttendance(meeting: Meeting, onSaved: (meeting: Meeting) => void) {
  const [ticked, setTicked] = useState<readonly string[]>(meeting.attendance)
  const [status, setStatus] = useState<AttendanceStatus>('idle')
  const [error, setError] = useState<string | null>(null)
  const sending = useRef(false)
  const queued = useRef<readonly string[] | null>(null)

  async function save(ids: readonly string[]) {
    queued.current = ids
    if (sending.current) return
    sending.current = true
    setStatus('saving')
    setError(null)
    try {
      let saved = meeting
      while (queued.current) {
        const next = queued.current
        queued.current = null
        saved = await setAttendance(meeting.id, [...next])
      }
      onSaved(saved)
      setStatus('saved')
    } catch (caught) {
      queued.current = null
      setTicked(meeting.attendance)
      setError(errorMessage(caught))
      setStatus('failed')
    } finally {
      sending.current = false
    }
  }

  function toggle(organisationId: string, present: boolean) {
    const next = present
      ? [...ticked, organisationId]
      : ticked.filter((id) => id !== organisationId)
    setTicked(next)
    void save(next)
  }

  return { ticked, toggle, status, error }
}
