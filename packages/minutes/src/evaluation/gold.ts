import { STRONG, type Extraction } from '../extract/types.ts'

/** The samples' gold format (see the samples' README): what a careful chair would record. */
export interface Gold {
  meetingDate: string
  actions: { owners: string[]; text: string; due: string | null }[]
  asks: { text: string; target: string | null; supporters: string[] }[]
  decisions?: { text: string }[]
}

/**
 * An extraction in the gold format; owners and supporters are organisation ids. By default the
 * items a chair gets from "Accept all": explicit ones and strong suggestions; `all` adds the
 * weak suggestions too.
 */
export function toGold(
  meetingDate: string,
  result: Extraction,
  { all = false }: { all?: boolean } = {},
): Required<Gold> {
  const kept = <T extends { confidence: number }>(items: T[]) =>
    all ? items : items.filter((item) => item.confidence >= STRONG)
  return {
    meetingDate,
    actions: kept(result.actions).map((a) => ({ owners: a.owners, text: a.text, due: a.due })),
    asks: kept(result.asks).map((a) => ({
      text: a.text,
      target: a.target,
      supporters: a.supporters,
    })),
    decisions: kept(result.decisions).map((d) => ({ text: d.text })),
  }
}
