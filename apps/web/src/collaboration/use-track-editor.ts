import { useEffect } from 'react'
import { trackEditor } from './open-editors.ts'
import type { CollaborationSession } from './session.ts'

/**
 * Tracks the editor's unsaved edits for sign-out (open-editors.ts) while it can save. Off for
 * observers and read-only minutes: the server never acknowledges their frames, so they would
 * count as unsaved for ever.
 */
export function useTrackEditor(session: CollaborationSession, title: string, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return
    return trackEditor({
      personId: session.personId,
      meetingId: session.meetingId,
      title,
      saveStatus: session.saveStatus,
      provider: session.provider,
    })
  }, [session, title, enabled])
}
