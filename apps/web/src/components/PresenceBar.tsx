import type { WebsocketProvider } from 'y-websocket'
import { usePeers } from '../collaboration/use-peers.ts'

interface PresenceBarProps {
  provider: WebsocketProvider
  /** This person's organisation short name: the server stamps it on what others receive only. */
  ownOrganisation: string
}

/** One entry per awareness state: everyone with this meeting open, this browser included. */
export function PresenceBar({ provider, ownOrganisation }: PresenceBarProps) {
  const peers = usePeers(provider)
  return (
    <div className="presence" data-testid="presence">
      <ul className="presence__list" aria-label="People in this meeting">
        {peers.map((peer) => (
          <li key={peer.clientId} className="presence__person">
            <span className="presence__dot" style={{ backgroundColor: peer.colour }} aria-hidden />
            <span>
              {peer.name}
              <Organisation name={peer.isSelf ? ownOrganisation : peer.organisation} />
              {peer.isSelf && <span className="presence__you"> (you)</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}

function Organisation({ name }: { name: string | null }) {
  if (!name) return null
  return <span className="presence__organisation"> · {name}</span>
}
