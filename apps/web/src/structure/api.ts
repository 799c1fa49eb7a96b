import { structureSchema, type Structure } from '@accord/minutes/structure'
import { request, segment } from '../api/request.ts'

/** The meeting's actions, asks and decisions, as the server last projected them. */
export function getStructure(meetingId: string, signal?: AbortSignal): Promise<Structure> {
  return request(`/api/meetings/${segment(meetingId)}/structure`, structureSchema, { signal })
}
