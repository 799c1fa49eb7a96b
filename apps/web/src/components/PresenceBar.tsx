import type { WebsocketProvider } from 'y-websocket'
import { usePeers } from '../collaboration/use-peers.ts'
import { ChangeNameButton } from '../identity/ChangeNameButton.tsx'

interface PresenceBarProps {
  provider: WebsocketProvider
  name: string
  onRename: (name: string) => void
}

/** One entry per awareness state: everyone with this meeting open, this browser included. */
export function PresenceBar({ provider, name, onRename }: PresenceBarProps) {
  const peers = usePeers(provider)
  return (
    <div className="presence" data-testid="presence">
      <ul className="presence__list" aria-label="People in this meeting">
        {peers.map((peer) => (
          <li key={peer.clientId} className="presence__person">
            <span className="presence__dot" style={{ backgroundColor: peer.colour }} aria-hidden />
            <span>
              {peer.name}
              {peer.isSelf && <span className="presence__you"> (you)</span>}
            </span>
          </li>
        ))}
      </ul>
      <ChangeNameButton name={name} onChange={onRename} />
    </div>
  )
}
