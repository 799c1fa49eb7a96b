import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { meetingIdSchema, newMeetingSchema, readMinutes } from '@accord/minutes'
import * as Y from 'yjs'
import { applyStoredUpdates, type DocumentStore } from '@accord/sync'
import { ApiError } from '../http/api-error.ts'
import { parseBody } from '../http/parse-body.ts'
import type { MeetingStore } from './meeting-store.ts'

export function newMeetingId(): string {
  return randomBytes(12).toString('base64url')
}

export function meetingRoutes(meetings: MeetingStore, documents: DocumentStore) {
  const findMeeting = (id: string) => {
    const meeting = meetingIdSchema.safeParse(id).success ? meetings.getMeeting(id) : undefined
    if (!meeting) throw new ApiError(404, 'not_found', `There is no meeting with id "${id}".`)
    return meeting
  }

  return new Hono()
    .get('/', (c) => c.json({ meetings: meetings.listMeetings() }))
    .post('/', async (c) => {
      const input = await parseBody(c, newMeetingSchema)
      const meeting = meetings.createMeeting({
        ...input,
        id: newMeetingId(),
        createdAt: new Date().toISOString(),
      })
      return c.json({ meeting }, 201, { Location: `/api/meetings/${meeting.id}` })
    })
    .get('/:id', (c) => c.json({ meeting: findMeeting(c.req.param('id')) }))
    .get('/:id/minutes', async (c) => {
      // Read from storage, not from a loaded room: this is exactly what survives a restart.
      const meeting = findMeeting(c.req.param('id'))
      const doc = new Y.Doc()
      try {
        applyStoredUpdates(doc, await documents.load(meeting.id))
        return c.json({ minutes: readMinutes(doc) })
      } finally {
        doc.destroy()
      }
    })
}
