import { useEffect, useState } from 'react'
import { useSignedIn } from '../account/session.ts'
import { deleteLocalCopy, type DeletedCopy } from './local-copies.ts'

/**
 * Deletes the signed-in person's local copy of a meeting the server no longer shows them, and
 * says what was deleted (null until it is done). The editor that had it open has unmounted by
 * the time this runs; the deletion waits for it to close the database.
 */
export function useDeleteLocalCopy(meetingId: string): DeletedCopy | null {
  const { person } = useSignedIn()
  const [deleted, setDeleted] = useState<DeletedCopy | null>(null)
  useEffect(() => {
    let live = true
    void deleteLocalCopy(person.id, meetingId).then((result) => {
      if (live) setDeleted(result)
    })
    return () => {
      live = false
    }
  }, [person.id, meetingId])
  return deleted
}
