import type { Organisation } from '@accord/coalition'
import { createContext, useContext } from 'react'
import { todayIsoDate } from '../dates.ts'
import type { ProposalStore } from './use-action-proposal.ts'

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
  /**
   * The browser's latest reading of the minutes: an action node shows the owners and due date
   * its own words propose. In an approved version, the stored structure's proposals for the
   * action nodes that are unchanged since.
   */
  extraction?: ProposalStore | null
}

export const MinutesContext = createContext<MinutesContextValue>({
  organisations: [],
  meetingDate: todayIsoDate(),
  editable: false,
})

export function useMinutesContext(): MinutesContextValue {
  return useContext(MinutesContext)
}
