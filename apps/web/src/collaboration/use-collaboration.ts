import { CloseCode } from '@accord/sync/client'
import { useEffect, useEffectEvent, useState } from 'react'
import { CollaborationSession } from './session.ts'

/**
 * Opens the collaboration session of one meeting while the component is mounted, and returns
 * it once the minutes have loaded (null before). The session is created inside the effect, not
 * during render, so each one has exactly one cleanup; under StrictMode the first session is
 * destroyed before its minutes have even loaded.
 *
 * `onNotFound` runs when the sync server refuses the room because the meeting does not exist.
 */
export function useCollaboration(
  meetingId: string,
  onNotFound: () => void,
): CollaborationSession | null {
  const [session, setSession] = useState<CollaborationSession | null>(null)
  const notFound = useEffectEvent(onNotFound)

  useEffect(() => {
    const opened = new CollaborationSession(meetingId)
    let live = true
    void opened.loaded.then(() => {
      if (live) setSession(opened)
    })
    opened.provider.on('closed', (event) => {
      if (live && event.code === CloseCode.MeetingNotFound) notFound()
    })
    return () => {
      live = false
      opened.destroy()
      setSession(null)
    }
  }, [meetingId])

  return session
}
