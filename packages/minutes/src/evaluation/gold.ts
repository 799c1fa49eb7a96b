import type { Extraction } from '../extract/index.ts'

/** The samples' gold format (see the samples' README): what a careful chair would record. */
export interface Gold {
  meetingDate: string
  actions: { owners: string[]; text: string; due: string | null }[]
  asks: { text: string; target: string | null; supporters: string[] }[]
  decisions?: { text: string }[]
}

/** An extraction in the gold format; owners and supporters are organisation ids. */
export function toGold(meetingDate: string, result: Extraction): Required<Gold> {
  return {
    meetingDate,
    actions: result.actions.map((a) => ({ owners: a.owners, text: a.text, due: a.due })),
    asks: result.asks.map((a) => ({ text: a.text, target: a.target, supporters: a.supporters })),
    decisions: result.decisions.map((d) => ({ text: d.text })),
  }
}
