import type { Page } from '@playwright/test'
import { expect, test, type Accord } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'
import { acceptStrongSuggestions } from './support/accept-all.ts'
import { expectNoSeriousViolations } from './support/accessibility.ts'
import { importMinutes } from './support/import-minutes.ts'

const SENTENCE = 'ALC will circulate the summary by Friday.'
const LETTER = 'CT will draft the response letter.'

/** A meeting imported from plain text, as the chair would paste it. */
function importMeeting(accord: Accord, paragraphs: string[]): Promise<string> {
  const text = ['Fortnightly call', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n')
  return importMinutes(accord, { text, title: 'Imported call', date: '2025-03-04' })
}

/** Opens the minutes and turns every suggestion into an action node, as a member would. */
async function acceptAllSuggestions(page: Page, meetingId: string, count: number) {
  const minutes = minutesPage(page)
  await minutes.open(meetingId)
  await acceptStrongSuggestions(page)
  await expect(minutes.editor.locator('[data-type="action-item"]')).toHaveCount(count)
  await minutes.expectSaved()
}

async function addOrganisation(accord: Accord, name: string, shortName: string) {
  await accord.chair.expect(201, 'POST', `/api/coalitions/${accord.coalitionId}/organisations`, {
    name,
    shortName,
  })
}

function tracker(page: Page, accord: Accord) {
  return {
    async open() {
      await page.goto(`/c/${accord.coalitionId}/tracker`)
      await expect(page.getByRole('heading', { level: 1, name: 'Action tracker' })).toBeVisible()
      await expect(page.getByRole('table', { name: /Actions of the coalition/ })).toBeVisible()
    },
    rows: page.getByRole('table', { name: /Actions of the coalition/ }).locator('tbody tr'),
    row(text: string) {
      return this.rows.filter({ has: page.getByRole('link', { name: text }) })
    },
    status(text: string) {
      return page.getByRole('combobox', { name: `Status of ${text}` })
    },
    filter(label: string) {
      return page.getByRole('group', { name: 'Filter actions' }).getByLabel(label)
    },
  }
}

test('the chair marks an action done in the tracker; a member’s open minutes show it live', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const memberPage = await accord.member('Tom')
  const minutes = minutesPage(memberPage)
  await minutes.open(meetingId)
  await minutes.type(SENTENCE)
  await minutes.editor.locator('.suggestion--action').click()
  await memberPage
    .getByRole('dialog', { name: 'Suggested action' })
    .getByRole('button', { name: 'Accept' })
    .click()
  const action = minutes.editor.locator('[data-type="action-item"]')
  await expect(action).toContainText(SENTENCE)
  await minutes.expectSaved()
  const statusInMinutes = action.getByRole('combobox', { name: 'Status' })
  await expect(statusInMinutes).toHaveValue('open')

  const chairPage = await accord.pageFor(accord.chair)
  const view = tracker(chairPage, accord)
  await view.open()
  await expect(view.row(SENTENCE)).toContainText('ALC')
  await expect(view.row(SENTENCE).getByRole('link', { name: SENTENCE })).toHaveAttribute(
    'href',
    `/meetings/${meetingId}`,
  )
  await view.status(SENTENCE).selectOption('done')

  // Done is not "open or in progress": the default filter lets it go once the server agreed.
  await expect(view.row(SENTENCE)).toHaveCount(0)
  await expect(statusInMinutes).toHaveValue('done')
  await expect(action.locator('.structured--done')).toHaveCount(1)

  await view.filter('Status').selectOption({ label: 'Done' })
  await expect(view.status(SENTENCE)).toHaveValue('done')
})

test('filters: by organisation, and overdue work only', async ({ accord }) => {
  await addOrganisation(accord, 'Carers Trust', 'CT')
  // The meeting was in March 2025, so Friday the 7th is long past: overdue. The letter has no date.
  const meetingId = await importMeeting(accord, [
    `We went through the figures. ${SENTENCE}`,
    `On the consultation, ${LETTER}`,
  ])
  const page = await accord.pageFor(accord.chair)
  await acceptAllSuggestions(page, meetingId, 2)

  const view = tracker(page, accord)
  await view.open()
  await expect(view.rows).toHaveCount(2)
  await expect(view.row(SENTENCE).getByText('Overdue', { exact: true })).toBeVisible()
  await expect(view.row(LETTER)).toContainText('no date')
  await expect(view.row(LETTER).getByText('Overdue', { exact: true })).toHaveCount(0)

  await view.filter('Organisation').selectOption({ label: 'Carers Trust (CT)' })
  await expect(view.rows).toHaveCount(1)
  await expect(view.row(LETTER)).toHaveCount(1)

  await view.filter('Organisation').selectOption({ label: 'Association of Local Councils (ALC)' })
  await expect(view.rows).toHaveCount(1)
  await expect(view.row(SENTENCE)).toHaveCount(1)

  await view.filter('Organisation').selectOption({ label: 'All organisations' })
  await view.filter('Due').selectOption({ label: 'Overdue' })
  await expect(view.rows).toHaveCount(1)
  await expect(view.row(SENTENCE)).toHaveCount(1)

  await view.filter('Due').selectOption({ label: 'No date' })
  await expect(view.rows).toHaveCount(1)
  await expect(view.row(LETTER)).toHaveCount(1)

  // The counts per organisation cover every action, whatever the filters.
  const counts = page.getByRole('table', { name: /Actions per organisation/ })
  await expect(counts.getByRole('row', { name: /Association of Local Councils/ })).toHaveText(
    /ALC\)\s*0\s*1\s*0/,
  )
  await expect(counts.getByRole('row', { name: /Carers Trust/ })).toHaveText(/CT\)\s*1\s*0\s*0/)
  await expect(page.getByRole('img', { name: /Actions per organisation/ })).toBeVisible()
})

test('with the keyboard alone, a member changes an action’s status and it is saved', async ({
  accord,
}) => {
  const meetingId = await importMeeting(accord, [SENTENCE])
  const page = await accord.pageFor(accord.chair)
  await acceptAllSuggestions(page, meetingId, 1)
  const view = tracker(page, accord)
  await view.open()
  const status = view.status(SENTENCE)
  await expect(status).toHaveValue('open')

  // Tab from the top of the page until the status is reached, as a keyboard user would.
  await page.locator('body').focus()
  for (let presses = 0; presses < 80; presses += 1) {
    if (await status.evaluate((element) => element === document.activeElement)) break
    await page.keyboard.press('Tab')
  }
  await expect(status).toBeFocused()

  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PATCH' && response.url().includes('/actions/'),
  )
  await page.keyboard.press('ArrowDown')
  expect((await saved).status()).toBe(200)
  await expect(status).toHaveValue('in_progress')
  await expect(status).toBeFocused()

  await page.reload()
  await expect(view.status(SENTENCE)).toHaveValue('in_progress')
})

test('owners and due date are changed from the row and written into the minutes', async ({
  accord,
}) => {
  await addOrganisation(accord, 'Carers Trust', 'CT')
  const meetingId = await importMeeting(accord, [SENTENCE])
  const page = await accord.pageFor(accord.chair)
  await acceptAllSuggestions(page, meetingId, 1)
  const view = tracker(page, accord)
  await view.open()
  const row = view.row(SENTENCE)
  await expect(row.getByText('Overdue', { exact: true })).toBeVisible()

  await row.locator('summary').click()
  const owners = page.getByRole('group', { name: `Owners of “${SENTENCE}”` })
  await owners.getByRole('checkbox', { name: 'Carers Trust (CT)' }).check()
  await owners.getByRole('checkbox', { name: 'Association of Local Councils (ALC)' }).uncheck()
  await row.getByRole('button', { name: 'Save owners' }).click()
  await expect(owners).toBeHidden()
  await expect(row.locator('summary')).toContainText('CT')

  const due = row.getByLabel(`Due date of ${SENTENCE}`)
  await due.fill('2099-12-31')
  await due.press('Enter')
  await expect(row.getByText('Overdue', { exact: true })).toHaveCount(0)

  await page.reload()
  await expect(view.row(SENTENCE).locator('summary')).toContainText('CT')
  await expect(view.row(SENTENCE).getByLabel(`Due date of ${SENTENCE}`)).toHaveValue('2099-12-31')
  const minutes = minutesPage(page)
  await minutes.open(meetingId)
  const action = minutes.editor.locator('[data-type="action-item"]')
  await expect(action).toContainText('Owners: CT')
  await expect(action).toContainText('Due Thu 31 Dec')
})

test('approved minutes show their actions read-only until carried into the next meeting', async ({
  accord,
}) => {
  const meetingId = await importMeeting(accord, [SENTENCE])
  const page = await accord.pageFor(accord.chair)
  await acceptAllSuggestions(page, meetingId, 1)
  await accord.chair.expect(200, 'POST', `/api/meetings/${meetingId}/approve`)

  const view = tracker(page, accord)
  await view.open()
  const row = view.row(SENTENCE)
  await expect(row).toContainText('Open')
  await expect(row).toContainText('Minutes approved – carry it into the next meeting to change it')
  await expect(view.status(SENTENCE)).toHaveCount(0)
  await expect(row.locator('input, select')).toHaveCount(0)

  const { meeting } = await accord.chair.expect(201, 'POST', `/api/meetings/${meetingId}/next`, {
    title: 'Next call',
    date: '2025-03-18',
  })
  await page.reload()
  await expect(row).toContainText('Carried')
  await expect(row).toContainText('Imported call')
  await expect(row.getByRole('link', { name: SENTENCE })).toHaveAttribute(
    'href',
    `/meetings/${meeting.id}`,
  )
  await view.status(SENTENCE).selectOption('in_progress')
  await expect(row.getByRole('alert')).toHaveCount(0)
  await page.reload()
  await expect(view.status(SENTENCE)).toHaveValue('in_progress')
})

test('the tracker has no serious or critical accessibility problems', async ({ accord }) => {
  await addOrganisation(accord, 'Carers Trust', 'CT')
  const meetingId = await importMeeting(accord, [SENTENCE, LETTER])
  const page = await accord.pageFor(accord.chair)
  await acceptAllSuggestions(page, meetingId, 2)
  const view = tracker(page, accord)
  await view.open()
  await expect(view.rows).toHaveCount(2)
  await expect(page.getByRole('img', { name: /Actions raised per meeting/ })).toBeVisible()
  // The owners' picker open too, so its checkboxes are checked as well.
  await view.row(LETTER).locator('summary').click()
  await expect(page.getByRole('group', { name: /Owners of/ })).toBeVisible()

  await expectNoSeriousViolations(page)
})
