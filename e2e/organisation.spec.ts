import fs from 'node:fs/promises'
import { request, type Locator, type Page } from '@playwright/test'
import ICAL from 'ical.js'
import Papa from 'papaparse'
import { expect, test, type Accord } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'
import { acceptStrongSuggestions } from './support/accept-all.ts'
import { expectNoSeriousViolations } from './support/accessibility.ts'
import { importMinutes } from './support/import-minutes.ts'

const NCVO = 'National Council for Voluntary Organisations'

const MINUTES = [
  'Fortnightly call',
  '',
  'ALC will circulate the summary by Friday.',
  '',
  'NCVO will draft the consultation response by 14 March.',
  '',
  'All members to share the survey with their networks by 30 June 2030.',
  '',
  'ALC will publish the annual report by 30 June 2031.',
  '',
  'ALC will book a venue for the conference.',
  '',
  'ALC will write to the council leader.',
].join('\n')

/**
 * A meeting imported from MINUTES with every suggested action accepted in the editor, then one
 * of ALC's marked done and one dropped on the server. Returns the meeting's id.
 */
async function meetingWithCommitments(accord: Accord): Promise<string> {
  await accord.chair.expect(201, 'POST', `/api/coalitions/${accord.coalitionId}/organisations`, {
    name: NCVO,
    shortName: 'NCVO',
  })
  const meetingId = await importMinutes(accord, {
    text: MINUTES,
    title: 'March call',
    date: '2025-03-04',
  })

  const page = await accord.pageFor(accord.chair)
  const minutes = minutesPage(page)
  await minutes.open(meetingId)
  await acceptStrongSuggestions(page)
  await expect(minutes.editor.locator('[data-type="action-item"]')).toHaveCount(6)
  await minutes.expectSaved()

  const ledgerPath = `/api/coalitions/${accord.coalitionId}/ledger`
  type Actions = { actions: { key: string; text: string }[] }
  let actions: Actions['actions'] = []
  await expect
    .poll(async () => {
      actions = (await accord.chair.expect<Actions>(200, 'GET', ledgerPath)).actions
      return actions.length
    })
    .toBe(6)
  const keyOf = (words: string) => actions.find((action) => action.text.includes(words))!.key
  const patch = (words: string, status: string) =>
    accord.chair.expect(
      200,
      'PATCH',
      `/api/coalitions/${accord.coalitionId}/actions/${keyOf(words)}`,
      {
        status,
      },
    )
  await patch('book a venue', 'done')
  await patch('council leader', 'dropped')
  return meetingId
}

const section = (page: Page, name: string) =>
  page.getByRole('region', { name: new RegExp(`^${name}`) })

/** The quoted sentences of a section, in the order shown. */
const quotes = (region: Locator) => region.locator('blockquote').allInnerTexts()

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  )

async function download(page: Page, button: string): Promise<string> {
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  return fs.readFile(await (await downloading).path(), 'utf8')
}

test("an organisation's page lists what it committed to, not another's, and exports it", async ({
  accord,
}) => {
  const meetingId = await meetingWithCommitments(accord)
  const page = await accord.pageFor(accord.chair)
  await page.goto(`/c/${accord.coalitionId}/organisations/${accord.organisationId}`)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Association of Local Councils (ALC)' }),
  ).toBeVisible()

  const open = section(page, 'Open')
  await expect(open.getByRole('listitem')).toHaveCount(3)
  expect(await quotes(open)).toEqual([
    'ALC will circulate the summary by Friday.',
    'All members to share the survey with their networks by 30 June 2030.',
    'ALC will publish the annual report by 30 June 2031.',
  ])
  const overdue = open.getByRole('listitem').filter({ hasText: 'circulate the summary' })
  await expect(overdue).toContainText('Overdue')
  await expect(overdue).toContainText('Due 7 March 2025')
  await expect(overdue.getByRole('link', { name: 'March call' })).toHaveAttribute(
    'href',
    `/meetings/${meetingId}`,
  )
  await expect(open.getByRole('listitem').nth(1)).toContainText('Owed by every organisation')
  await expect(open.getByRole('listitem').nth(2)).not.toContainText('Overdue')
  expect(await quotes(section(page, 'Done'))).toEqual(['ALC will book a venue for the conference.'])
  expect(await quotes(section(page, 'Dropped'))).toEqual(['ALC will write to the council leader.'])
  await expect(page.getByRole('main')).not.toContainText('consultation response')
  await expectNoSeriousViolations(page)

  // CSV: the same rows in the same order, with what the page says of each.
  const csv = Papa.parse<Record<string, string>>(
    (await download(page, 'CSV (.csv)')).replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true,
    },
  )
  expect(csv.errors).toEqual([])
  const shown = [
    ...(await quotes(open)),
    ...(await quotes(section(page, 'Done'))),
    ...(await quotes(section(page, 'Dropped'))),
  ]
  expect(csv.data.map((row) => row.Source)).toEqual(shown)
  expect(csv.data.map((row) => row.Status)).toEqual(['open', 'open', 'open', 'done', 'dropped'])
  expect(csv.data.map((row) => row.Overdue)).toEqual(['yes', 'no', 'no', 'no', 'no'])
  for (const [index, row] of csv.data.slice(0, 3).entries()) {
    await expect(open.getByRole('listitem').nth(index)).toContainText(`Due ${longDate(row.Due!)}`)
  }

  // iCalendar: one event on the due date of each open commitment.
  const calendar = new ICAL.Component(
    ICAL.parse(await download(page, 'iCalendar (.ics)')) as unknown[],
  )
  const events = calendar.getAllSubcomponents('vevent').map((event) => ({
    day: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toString(),
    description: String(event.getFirstPropertyValue('description')),
  }))
  expect(events.map((event) => event.day)).toEqual(['2025-03-07', '2030-06-30', '2031-06-30'])
  for (const [index, event] of events.entries()) {
    expect(event.description).toContain(shown[index])
    await expect(open.getByRole('listitem').nth(index)).toContainText(`Due ${longDate(event.day)}`)
  }

  // Another organisation's page, reached from the list beside: its own work and the shared one.
  await page
    .getByRole('navigation', { name: 'Organisations' })
    .getByRole('link', { name: NCVO })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: `${NCVO} (NCVO)` })).toBeVisible()
  expect(await quotes(section(page, 'Open'))).toEqual([
    'NCVO will draft the consultation response by 14 March.',
    'All members to share the survey with their networks by 30 June 2030.',
  ])
  await expect(page.getByRole('main')).not.toContainText('circulate the summary')
})

test('a calendar subscription link works without signing in until it is revoked', async ({
  accord,
}) => {
  await meetingWithCommitments(accord)
  const page = await accord.pageFor(accord.chair)
  await page.goto(`/c/${accord.coalitionId}/organisations/${accord.organisationId}`)
  const feeds = page.getByRole('region', { name: 'Calendar subscription' })
  await expect(feeds).toContainText('No links yet.')

  await feeds.getByRole('button', { name: 'Create subscription link' }).click()
  const link = feeds.getByRole('textbox', { name: 'Subscription link' })
  await expect(link).toBeFocused()
  await expect(feeds).toContainText('Anyone with this link can read')
  const url = await link.inputValue()
  expect(url).toMatch(/^http:\/\/.+\/calendar\/.+\.ics$/)
  await expect(feeds.getByRole('listitem')).toHaveCount(1)
  await expectNoSeriousViolations(page)

  // A calendar app: no cookies, nothing but the link.
  const calendarApp = await request.newContext()
  try {
    const answer = await calendarApp.get(url)
    expect(answer.status()).toBe(200)
    expect(answer.headers()['content-type']).toContain('text/calendar')
    expect(await answer.text()).toContain('circulate the summary')

    await feeds.getByRole('button', { name: /^Revoke/ }).click()
    await expect(feeds).toContainText('No links yet.')
    await expect(link).toHaveCount(0)
    expect((await calendarApp.get(url)).status()).toBe(404)
  } finally {
    await calendarApp.dispose()
  }

  await page.reload()
  await expect(feeds).toContainText('No links yet.')
})
