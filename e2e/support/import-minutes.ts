import { expect } from '@playwright/test'
import type { Accord } from './fixtures.ts'

/** A meeting made by the chair from pasted minutes, through the import route; its id. */
export async function importMinutes(
  accord: Accord,
  { text, title, date }: { text: string; title: string; date: string },
): Promise<string> {
  const form = new FormData()
  form.set('text', text)
  form.set('title', title)
  form.set('date', date)
  const response = await fetch(
    `${accord.server.url}/api/coalitions/${accord.coalitionId}/meetings/import`,
    { method: 'POST', headers: { cookie: accord.chair.cookie ?? '' }, body: form },
  )
  expect(response.status, await response.clone().text()).toBe(201)
  const { meeting } = (await response.json()) as { meeting: { id: string } }
  return meeting.id
}
