import { CloseCode } from '@accord/sync/client'
import { useEffect, useEffectEvent, useState } from 'react'
import { CollaborationSession } from './session.ts'

/** What to do when the sync server refuses the room for good (44xx: y-websocket stops). */
export interface RefusalHandlers {
  /** 4404: the meeting does not exist, or is not in the person's coalitions. */
  onNotFound: () => void
  /** 4401: no session, or it ended. */
  onUnauthenticated: () => void
  /** 4403: the person's membership or role changed while connected. */
  onForbidden: () => void
}

/**
 * Opens the collaboration session of one meeting while the component is mounted, and returns
 * it once the minutes have loaded (null before). The session is created inside the effect, not
 * during render, so each one has exactly one cleanup; under StrictMode the first session is
 * destroyed before its minutes have even loaded.
 */
export function useCollaboration(
  meetingId: string,
  personId: string,
  handlers: RefusalHandlers,
): CollaborationSession | null {
  const [session, setSession] = useState<CollaborationSession | null>(null)
  const refused = useEffectEvent((code: number) => {
    if (code === CloseCode.MeetingNotFound) handlers.onNotFound()
    else if (code === CloseCode.Unauthenticated) handlers.onUnauthenticated()
    else if (code === CloseCode.Forbidden) handlers.onForbidden()
  })

  useEffect(() => {
    const opened = new CollaborationSession(meetingId, personId)
    let live = true
    void opened.loaded.then(() => {
      if (live) setSession(opened)
    })
    opened.provider.on('closed', (event) => {
      if (live) refused(event.code)
    })
    return () => {
      live = false
      opened.destroy()
      setSession(null)
    }
  }, [meetingId, personId])

  return session
}
