import { Hono } from 'hono'
import { upgradeWebSocket } from '@hono/node-server'
import { meetingIdSchema } from '@accord/minutes'
import { CloseCode, type ConnectionHandle, type RoomServer } from '@accord/sync'
import type { Logger } from 'pino'
import type { WebSocket } from 'ws'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import { websocketTransport } from './websocket-transport.ts'

/** `/sync/:meetingId`: the y-websocket endpoint of one meeting's minutes. */
export function syncRoutes(
  meetings: MeetingStore,
  rooms: RoomServer,
  limits: { maxBufferedBytes: number; logger: Logger },
) {
  return new Hono().get(
    '/:meetingId',
    upgradeWebSocket((c) => {
      const meetingId = c.req.param('meetingId') ?? ''
      const known = meetingIdSchema.safeParse(meetingId).success && !!meetings.getMeeting(meetingId)
      let handle: ConnectionHandle | undefined
      return {
        onOpen(_event, ws) {
          // Browsers cannot read an HTTP status from a refused upgrade, so refusals are close codes.
          if (!known) return ws.close(CloseCode.MeetingNotFound, 'no such meeting')
          handle = rooms.connect(meetingId, websocketTransport(ws.raw as WebSocket, limits))
        },
        onMessage(event, ws) {
          if (typeof event.data === 'string') {
            return ws.close(CloseCode.UnsupportedData, 'binary frames only')
          }
          handle?.receive(new Uint8Array(event.data as ArrayBuffer))
        },
        onClose() {
          handle?.closed()
        },
      }
    }),
  )
}
