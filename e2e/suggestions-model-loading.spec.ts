import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test, type Accord } from './support/fixtures.ts'
import { importMinutes } from './support/import-minutes.ts'
import { minutesPage } from './support/minutes-page.ts'

// The browser's live pass – reading the minutes and redrawing the highlights after a change –
// timed by the User Timing measure the editor records (LIVE_PASS_MEASURE in
// apps/web/src/suggestions/suggestion-highlights.ts), on about 3,000 words of real-looking
// minutes: the demo's three samples, one after another until there are enough words.

const MEASURE = 'accord:suggestions-pass'
/** The goal: a warm pass, the model loaded and unchanged paragraphs' analyses cached. */
const WARM_PASS_GOAL_MS = 30
const EDITS = 12

const sample = (file: string) =>
  fs.readFileSync(
    fileURLToPath(new URL(`../apps/server/src/demo/samples/${file}`, import.meta.url)),
    'utf8',
  )

function minutesOfAbout(words: number): { text: string; words: number } {
  const samples = ['fortnightly-call.md', 'reform-alliance.md', 'pay-campaign.txt'].map(sample)
  const parts: string[] = []
  let count = 0
  for (let i = 0; count < words; i++) {
    const part = samples[i % samples.length]!
    parts.push(part)
    count += part.split(/\s+/).filter(Boolean).length
  }
  return { text: parts.join('\n\n'), words: count }
}

async function addSampleOrganisations(accord: Accord) {
  const { organisations } = JSON.parse(sample('organisations.json')) as {
    organisations: { name: string; short: string; aliases: string[] }[]
  }
  for (const { name, short, aliases } of organisations) {
    if (short === 'ALC') continue
    await accord.chair.expect(201, 'POST', `/api/coalitions/${accord.coalitionId}/organisations`, {
      name,
      shortName: short,
      aliases,
    })
  }
}

/** The value `fraction` of the way up the sorted values: 0.5 is the median. */
const quantile = (values: number[], fraction: number) =>
  values.toSorted((a, b) => a - b)[Math.floor((values.length - 1) * fraction)]!
const tenths = (ms: number) => Math.round(ms * 10) / 10

test('the live pass on about 3,000 words takes about 30 ms at most once the model is warm', async ({
  accord,
}) => {
  await addSampleOrganisations(accord)
  const minutesText = minutesOfAbout(3000)
  const meetingId = await importMinutes(accord, {
    text: minutesText.text,
    title: 'Long call',
    date: '2025-03-04',
  })
  const page = await accord.pageFor(accord.chair)
  const minutes = minutesPage(page)
  await minutes.open(meetingId)

  // The first pass reads every paragraph (cold: nothing analysed yet).
  await expect(minutes.editor.locator('.suggestion').first()).toBeVisible({ timeout: 30_000 })
  const lastPass = () =>
    page.evaluate((name) => {
      const [entry] = performance.getEntriesByName(name, 'measure')
      return entry ? { start: entry.startTime, duration: entry.duration } : null
    }, MEASURE)
  const cold = (await lastPass())!

  // Then edits in one paragraph after another, each read again after the quiet time.
  const paragraphs = minutes.editor.locator(':scope > p')
  const count = await paragraphs.count()
  const warm: number[] = []
  let previous = cold.start
  for (let edit = 0; edit < EDITS; edit++) {
    const paragraph = paragraphs.nth(Math.floor(((edit + 1) * count) / (EDITS + 1)))
    await paragraph.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Noted.')
    await expect.poll(async () => (await lastPass())!.start).toBeGreaterThan(previous)
    const pass = (await lastPass())!
    previous = pass.start
    warm.push(pass.duration)
  }

  const model = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\/english-[^/]*\.js$/.test(entry.name))
      .map((entry) => (entry as PerformanceResourceTiming).duration),
  )
  const report = {
    words: minutesText.words,
    coldPassMs: Math.round(cold.duration),
    warmPassLowerQuartileMs: tenths(quantile(warm, 0.25)),
    warmPassMedianMs: tenths(quantile(warm, 0.5)),
    warmPassMaxMs: tenths(Math.max(...warm)),
    modelFetchMs: model.map(Math.round),
  }
  test.info().annotations.push({ type: 'live pass', description: JSON.stringify(report) })
  console.log(`live pass: ${JSON.stringify(report)}`)
  expect(model, 'the model is fetched as a chunk of its own').toHaveLength(1)
  // Other processes on a small machine (a test run beside a build) stretch some passes: the
  // goal is held by the lower quartile, and the median may not be more than twice it. A pass
  // that re-analysed every paragraph (the cache lost) takes several times the goal and fails.
  expect(report.warmPassLowerQuartileMs).toBeLessThanOrEqual(WARM_PASS_GOAL_MS)
  expect(report.warmPassMedianMs).toBeLessThanOrEqual(2 * WARM_PASS_GOAL_MS)
})

test('the minutes are on screen and editable before the model arrives; highlights follow it', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const page = await accord.pageFor(accord.chair)
  // Hold the model's chunk back until the editor has been used without it.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  let requested = false
  await page.route(/\/assets\/english-[^/]*\.js$/, async (route) => {
    requested = true
    await held
    await route.continue()
  })
  const minutes = minutesPage(page)
  await minutes.open(meetingId)
  await minutes.type('ALC will circulate the summary by Friday.')
  await minutes.expectSaved()
  await expect.poll(() => requested).toBe(true)
  await expect(minutes.editor.locator('.suggestion')).toHaveCount(0)

  release()
  await expect(minutes.editor.locator('.suggestion--strong')).toHaveText(
    'ALC will circulate the summary by Friday.',
  )
})
