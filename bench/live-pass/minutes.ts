/**
 * W1's meeting: about 3,000 words of the demo's sample minutes, imported into a coalition of the
 * samples' organisations through the real HTTP API, as a chair would.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AccordClient } from '@accord/server/testing'
import { loadCoalition, samplesDir } from '../structure/meetings.ts'

/** The three samples, in the order they are repeated. */
const SAMPLES = ['fortnightly-call.md', 'reform-alliance.md', 'pay-campaign.txt']

const sample = (file: string) => fs.readFileSync(path.join(samplesDir, file), 'utf8')
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).length

export interface Minutes {
  text: string
  words: number
  /** Sample copies joined, one after another. */
  copies: number
}

/** The samples one after another, whole, until there are at least `words` words. */
export function minutesOfAbout(words: number): Minutes {
  const samples = SAMPLES.map(sample)
  const parts: string[] = []
  let count = 0
  while (count < words) {
    const part = samples[parts.length % samples.length]!
    parts.push(part)
    count += wordsOf(part)
  }
  return { text: parts.join('\n\n'), words: count, copies: parts.length }
}

export interface ImportedMeeting {
  meetingId: string
  /** The chair's session cookie, `name=value`. */
  cookie: string
  organisations: number
}

/**
 * Signs a chair up, creates the samples' coalition with every organisation of
 * organisations.json (so the extractor finds owners as in the demo) and imports the minutes as
 * a new meeting through POST /api/coalitions/:id/meetings/import.
 */
export async function importMeeting(baseUrl: string, minutes: Minutes): Promise<ImportedMeeting> {
  const { name, organisations } = loadCoalition()
  const [first, ...others] = organisations
  const chair = new AccordClient(baseUrl)
  await chair.signUp('Bench Chair')
  const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
    name,
    organisation: first,
  })
  const coalitionId = membership.coalition.id as string
  for (const organisation of others) {
    await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/organisations`, organisation)
  }
  const form = new FormData()
  form.set('text', minutes.text)
  form.set('title', 'Long call')
  form.set('date', '2025-03-04')
  const response = await fetch(`${baseUrl}/api/coalitions/${coalitionId}/meetings/import`, {
    method: 'POST',
    headers: { cookie: chair.cookie! },
    body: form,
  })
  if (response.status !== 201) {
    throw new Error(`import answered ${response.status}: ${await response.text()}`)
  }
  const { meeting } = (await response.json()) as { meeting: { id: string } }
  return { meetingId: meeting.id, cookie: chair.cookie!, organisations: organisations.length }
}
