import { useCallback } from 'react'
import { getMeeting, listMeetings } from '../api.ts'
import { useApi } from './use-api.ts'

export function useMeetings() {
  return useApi(listMeetings)
}

export function useMeeting(id: string) {
  const load = useCallback((signal: AbortSignal) => getMeeting(id, signal), [id])
  return useApi(load)
}
