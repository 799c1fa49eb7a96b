import type { WebsocketProvider } from 'y-websocket'
import {
  useConnectionStatus,
  type ConnectionStatus as Status,
} from '../collaboration/use-connection-status.ts'

const modifier: Record<Status, string> = {
  Connected: 'ok',
  'Reconnecting…': 'pending',
  Offline: 'off',
  Disconnected: 'off',
}

export function ConnectionStatus({ provider }: { provider: WebsocketProvider }) {
  const status = useConnectionStatus(provider)
  return (
    <span
      className={`status-pill status-pill--${modifier[status]}`}
      data-testid="connection-status"
      role="status"
    >
      {status}
    </span>
  )
}
