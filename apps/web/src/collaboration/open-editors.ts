import type { SaveStatus } from '@accord/sync/client'
import type { WebsocketProvider } from 'y-websocket'
import { recordLocalCopy, unsavedLocalCopies } from './local-copies.ts'

/**
 * The editors open in this tab that can save: whether each one's local copy holds edits the
 * server has not acknowledged, kept in the record of local copies (local-copies.ts) for
 * sign-out to name, and waited for by sign-out while they are on their way.
 */
export interface EditorToTrack {
  personId: string
  meetingId: string
  title: string
  saveStatus: SaveStatus
  provider: WebsocketProvider
}

interface TrackedEditor extends EditorToTrack {
  unsaved: boolean
  listeners: Set<() => void>
}

const editors = new Set<TrackedEditor>()

/**
 * Tracks an editor until the returned function is called.
 *
 * A copy can hold edits from an earlier visit (made offline, the tab closed) under another Yjs
 * client id: SaveStatus, counting this visit's edits, says "saved" before and after the server
 * acknowledges them, and so signals nothing. What proves they arrived is the acknowledgement
 * of this connection's sync step 2, which carries everything the server lacked: after every
 * message of a synced connection, "saved" is asked again while the copy counts as unsaved.
 */
export function trackEditor(toTrack: EditorToTrack): () => void {
  const { personId, meetingId, title, saveStatus, provider } = toTrack
  const editor: TrackedEditor = {
    ...toTrack,
    unsaved: unsavedLocalCopies(personId).some((copy) => copy.meetingId === meetingId),
    listeners: new Set(),
  }
  const setUnsaved = (unsaved: boolean) => {
    recordLocalCopy(personId, meetingId, { title, unsaved })
    if (editor.unsaved === unsaved) return
    editor.unsaved = unsaved
    for (const listener of editor.listeners) listener()
  }
  const onMessage = () => {
    if (editor.unsaved && provider.synced && saveStatus.saved) setUnsaved(false)
  }
  let socket: WebSocket | null = null
  const followSocket = () => {
    if (provider.ws === socket) return
    socket?.removeEventListener('message', onMessage)
    socket = provider.ws
    socket?.addEventListener('message', onMessage)
  }

  editors.add(editor)
  recordLocalCopy(personId, meetingId, { title })
  const stopSaveStatus = saveStatus.onChange((saved) => setUnsaved(!saved))
  provider.on('status', followSocket)
  followSocket()
  return () => {
    stopSaveStatus()
    provider.off('status', followSocket)
    socket?.removeEventListener('message', onMessage)
    editor.listeners.clear()
    editors.delete(editor)
  }
}

/** Connected, with edits the server has not acknowledged yet: worth waiting for. */
function saving(editor: TrackedEditor): boolean {
  return editor.provider.wsconnected && editor.unsaved
}

/** Whether an editor of this person's is sending edits the server has not acknowledged. */
export function isSaving(personId: string): boolean {
  return [...editors].some((editor) => editor.personId === personId && saving(editor))
}

/**
 * Resolves once no connected editor of this person's has edits on their way, or after
 * `timeoutMs`. An editor that is offline is not waited for: nothing it holds can arrive now.
 */
export function waitForSaves(personId: string, timeoutMs: number): Promise<void> {
  const mine = [...editors].filter((editor) => editor.personId === personId)
  return new Promise((resolve) => {
    const stops: (() => void)[] = []
    const finish = () => {
      clearTimeout(timer)
      for (const stop of stops) stop()
      resolve()
    }
    const check = () => {
      if (!mine.some(saving)) finish()
    }
    const timer = setTimeout(finish, timeoutMs)
    for (const editor of mine) {
      editor.listeners.add(check)
      stops.push(() => editor.listeners.delete(check))
      editor.provider.on('status', check)
      stops.push(() => editor.provider.off('status', check))
    }
    check()
  })
}
