import type { LocalCopy } from '../collaboration/local-copies.ts'

/** What signing out now would lose, and how to keep it instead. */
export function UnsavedMeetings({ copies }: { copies: LocalCopy[] }) {
  const one = copies.length === 1
  return (
    <>
      <p>Changes you made here have not reached the server yet, in:</p>
      <ul>
        {copies.map((copy) => (
          <li key={copy.meetingId}>{copy.title || 'A meeting whose title this browser lost'}</li>
        ))}
      </ul>
      <p>
        Signing out deletes them from this browser. To keep them, choose Cancel, open{' '}
        {one ? 'the meeting' : 'each meeting'} while online and wait for “All changes saved”.
      </p>
    </>
  )
}
