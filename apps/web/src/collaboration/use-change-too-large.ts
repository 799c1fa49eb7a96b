import { CloseCode, type SaveStatus } from '@accord/sync/client'
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/**
 * True while the server refuses this browser's changes as too large (close code 1009). The
 * provider reconnects and sends them again each time, so without a word to the person the
 * page would sit on "Saving…" for ever. Undo does not help: the CRDT keeps the inserted
 * content, so the next sync carries it again. It clears once everything is saved.
 */
export function useChangeTooLarge(provider: WebsocketProvider, saveStatus: SaveStatus): boolean {
  const [tooLarge, setTooLarge] = useState(false)
  useEffect(() => {
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CloseCode.MessageTooBig) setTooLarge(true)
    }
    provider.on('connection-close', onClose)
    const stopWatchingSaves = saveStatus.onChange((saved) => {
      if (saved) setTooLarge(false)
    })
    return () => {
      provider.off('connection-close', onClose)
      stopWatchingSaves()
    }
  }, [provider, saveStatus])
  return tooLarge
}
