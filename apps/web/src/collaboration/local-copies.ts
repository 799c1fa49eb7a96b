import { z } from 'zod'

/**
 * The minutes this browser keeps for offline editing: one y-indexeddb database per person and
 * meeting (localCopyName). They hold everything the person could read, so they leave with the
 * person:
 *
 * - signing out deletes every copy of theirs, the meetings not open now too;
 * - a meeting the server no longer shows them (access removed, meeting gone) loses its copy;
 * - someone else signing in on this browser finds none of the previous person's.
 *
 * A session that merely ends (expired, signed out on another device: a 401 or close 4401) keeps
 * them: the person may sign in again, and edits made offline are sent then. Only they can be
 * hurt by keeping them, on a browser they were signed in on.
 *
 * A record in localStorage lists the copies with whether they hold edits the server has not
 * acknowledged, so sign-out can name the meetings whose unsaved edits it would lose.
 * indexedDB.databases(), where the browser has it, also finds copies the record missed (made
 * before it existed, or left by a record write that failed).
 */

const RECORD_KEY = 'accord:local-copies'
/** base64url ids, as the server makes them: the name splits unambiguously at the colons. */
const COPY_NAME = /^accord:([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)$/

const copySchema = z.object({
  personId: z.string(),
  meetingId: z.string(),
  /** To name the meeting in a warning; empty until an editor of it has been open. */
  title: z.string(),
  /** Holds edits the server has not acknowledged. */
  unsaved: z.boolean(),
})
export type LocalCopy = z.infer<typeof copySchema>
type Owner = Pick<LocalCopy, 'personId' | 'meetingId'>

export function localCopyName(personId: string, meetingId: string): string {
  return `accord:${personId}:${meetingId}`
}

/** Adds to, or changes, this browser's record of a copy. */
export function recordLocalCopy(
  personId: string,
  meetingId: string,
  changes: Partial<Pick<LocalCopy, 'title' | 'unsaved'>> = {},
): void {
  const copies = readRecord()
  const existing = copies.find((copy) => sameCopy(copy, { personId, meetingId }))
  const changed = { title: '', unsaved: false, ...existing, ...changes, personId, meetingId }
  writeRecord([...copies.filter((copy) => copy !== existing), changed])
}

/**
 * Whether any copy holds edits the server has not acknowledged: asked once a session has ended,
 * when who was signed in is no longer known here (the copies are all of that person's).
 */
export function hasUnsavedLocalCopies(): boolean {
  return readRecord().some((copy) => copy.unsaved)
}

/** This person's copies that hold edits the server has not acknowledged. */
export function unsavedLocalCopies(personId: string): LocalCopy[] {
  return readRecord().filter((copy) => copy.personId === personId && copy.unsaved)
}

export interface DeletedCopy {
  /** There was a copy on this browser. */
  existed: boolean
  /** It held edits that never reached the server. */
  unsaved: boolean
}

/** Deletes this person's copy of one meeting, if there is one. */
export async function deleteLocalCopy(personId: string, meetingId: string): Promise<DeletedCopy> {
  const owner = { personId, meetingId }
  const recorded = readRecord().find((copy) => sameCopy(copy, owner))
  const existed = recorded !== undefined || (await storedCopies()).some((o) => sameCopy(o, owner))
  if (existed) await deleteCopies((copy) => sameCopy(copy, owner))
  return { existed, unsaved: recorded?.unsaved ?? false }
}

/** Deletes every copy of this person's: they signed out here. */
export function deleteLocalCopiesOf(personId: string): Promise<void> {
  return deleteCopies((copy) => copy.personId === personId)
}

/** Deletes every copy that is not this person's: someone else has signed in on this browser. */
export function deleteOthersLocalCopies(personId: string): Promise<void> {
  return deleteCopies((copy) => copy.personId !== personId)
}

/**
 * Deletes the copies `doomed` picks. A copy open in an editor (this tab while it unmounts, or
 * another tab) is deleted once that editor closes it; its entry in the record stays until then.
 */
async function deleteCopies(doomed: (copy: Owner) => boolean): Promise<void> {
  const owners = new Map<string, Owner>()
  for (const copy of [...readRecord(), ...(await storedCopies())]) {
    if (doomed(copy)) owners.set(localCopyName(copy.personId, copy.meetingId), copy)
  }
  await Promise.all(
    [...owners].map(async ([name, owner]) => {
      try {
        await deleteDatabase(name)
      } catch {
        // Kept in the record, so the next sign-out or sign-in tries again.
        return
      }
      // Read again: other copies' entries may have changed while this one was deleted.
      writeRecord(readRecord().filter((copy) => !sameCopy(copy, owner)))
    }),
  )
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve()
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`))
    // 'blocked': an editor still has it open; the deletion goes ahead once it closes.
  })
}

/** The copies IndexedDB holds, where the browser can list its databases. */
async function storedCopies(): Promise<Owner[]> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return []
  try {
    const databases = await indexedDB.databases()
    return databases.flatMap(({ name }) => {
      const match = COPY_NAME.exec(name ?? '')
      return match ? [{ personId: match[1]!, meetingId: match[2]! }] : []
    })
  } catch {
    return []
  }
}

function sameCopy(a: Owner, b: Owner): boolean {
  return a.personId === b.personId && a.meetingId === b.meetingId
}

function readRecord(): LocalCopy[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(RECORD_KEY) ?? '[]')
    const parsed = z.array(copySchema).safeParse(stored)
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

function writeRecord(copies: LocalCopy[]): void {
  try {
    if (copies.length === 0) localStorage.removeItem(RECORD_KEY)
    else localStorage.setItem(RECORD_KEY, JSON.stringify(copies))
  } catch {
    // Storage blocked or full: indexedDB.databases() still finds the copies to delete.
  }
}
