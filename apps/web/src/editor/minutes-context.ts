import type { Organisation } from '@accord/coalition'
import { createContext, useContext } from 'react'
import { todayIsoDate } from '../dates.ts'

/**
 * What the node views need from the meeting page. Tiptap renders React node views in portals
 * inside EditorContent, so a provider around it reaches them, and a change re-renders them.
 */
export interface MinutesContextValue {
  /** The coalition's organisations: short names for owners and supporters. */
  organisations: readonly Organisation[]
  /** `YYYY-MM-DD`: relative due dates ("Friday") resolve against it. */
  meetingDate: string
  editable: boolean
}

export const MinutesContext = createContext<MinutesContextValue>({
  organisations: [],
  meetingDate: todayIsoDate(),
  editable: false,
})

export function useMinutesContext(): MinutesContextValue {
  return useContext(MinutesContext)
}
