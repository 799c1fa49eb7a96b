import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'
import { acceptStrongSuggestions } from './support/accept-all.ts'

const SENTENCE = 'ALC will circulate the summary by Friday.'

/** The side panel's list of actions owed by one organisation. */
function panelGroup(page: Page, heading: string) {
  return page
    .getByRole('complementary', { name: 'Structure' })
    .locator('.structure__group')
    .filter({ has: page.getByRole('heading', { name: heading, exact: true }) })
}

test('a member accepts a suggested action; it becomes a node the chair sees live', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const chairPage = await accord.pageFor(accord.chair)
  await minutesPage(chairPage).open(meetingId)
  const page = await accord.member('Tom')
  const minutes = minutesPage(page)
  await minutes.open(meetingId)

  await minutes.type(SENTENCE)
  const highlight = minutes.editor.locator('.suggestion--action')
  await expect(highlight).toHaveText(SENTENCE)
  await expect(highlight).toHaveAttribute('data-suggestion-key', /.+/)

  await highlight.click()
  const dialog = page.getByRole('dialog', { name: 'Suggested action' })
  await expect(dialog).toContainText('ALC')
  await expect(dialog).toContainText(/Friday,? 7 March 2025/)
  await dialog.getByRole('button', { name: 'Accept' }).click()

  await expect(dialog).toBeHidden()
  const action = minutes.editor.locator('[data-type="action-item"]')
  await expect(action).toHaveCount(1)
  await expect(action).toContainText(SENTENCE)
  await expect(minutes.editor.locator('.suggestion')).toHaveCount(0)
  await expect(minutes.editor).toBeFocused()

  for (const viewer of [page, chairPage]) {
    const group = panelGroup(viewer, 'Association of Local Councils')
    await expect(group).toContainText(SENTENCE)
    await expect(group.getByText('Suggested', { exact: true })).toHaveCount(0)
  }
  await expect(minutesPage(chairPage).editor.locator('[data-type="action-item"]')).toContainText(
    SENTENCE,
  )
})

test('Alt+Enter opens the popover, Escape closes it; Dismiss reaches every editor', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const chairPage = await accord.pageFor(accord.chair)
  const chair = minutesPage(chairPage)
  await chair.open(meetingId)
  const page = await accord.member('Tom')
  const minutes = minutesPage(page)
  await minutes.open(meetingId)

  await minutes.type(SENTENCE)
  await expect(minutes.editor.locator('.suggestion--action')).toHaveCount(1)
  await expect(chair.editor.locator('.suggestion--action')).toHaveText(SENTENCE)

  // The caret is still at the end of the sentence, inside the highlight.
  await page.keyboard.press('Alt+Enter')
  const dialog = page.getByRole('dialog', { name: 'Suggested action' })
  await expect(dialog.getByRole('button', { name: 'Accept' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(minutes.editor).toBeFocused()

  await page.keyboard.press('Alt+Enter')
  await dialog.getByRole('button', { name: 'Dismiss' }).click()
  await expect(dialog).toBeHidden()
  await expect(minutes.editor.locator('.suggestion')).toHaveCount(0)
  await expect(chair.editor.locator('.suggestion')).toHaveCount(0)
  await expect(page.getByRole('complementary', { name: 'Structure' })).toContainText(
    'No actions yet.',
  )
  await minutes.expectText(SENTENCE)
})

test('after an import, "Accept all" turns every strong suggestion into a node', async ({
  accord,
}) => {
  const form = new FormData()
  form.set(
    'text',
    [
      'Fortnightly call',
      '',
      'We went through the figures. ALC will circulate the summary by Friday.',
      '',
      'The meeting agreed to back the joint letter.',
      '',
      'We will ask HM Treasury to publish the impact assessment.',
    ].join('\n'),
  )
  form.set('title', 'Imported call')
  form.set('date', '2025-03-04')
  const response = await fetch(
    `${accord.server.url}/api/coalitions/${accord.coalitionId}/meetings/import`,
    { method: 'POST', headers: { cookie: accord.chair.cookie ?? '' }, body: form },
  )
  expect(response.status, await response.clone().text()).toBe(201)
  const { meeting } = (await response.json()) as { meeting: { id: string } }

  const page = await accord.pageFor(accord.chair)
  const minutes = minutesPage(page)
  await minutes.open(meeting.id)
  const panel = page.getByRole('complementary', { name: 'Structure' })
  await expect(panel.getByText('Suggested', { exact: true }).first()).toBeVisible()
  await expect(minutes.editor.locator('.suggestion').first()).toBeVisible()

  // Every suggestion here is strong: the confirmation lists them, and confirming creates them.
  await acceptStrongSuggestions(page)

  const action = minutes.editor
    .locator('[data-type="action-item"]')
    .filter({ hasText: 'ALC will circulate the summary by Friday.' })
  await expect(action).toHaveCount(1)
  await expect(minutes.editor.locator('.suggestion')).toHaveCount(0)
  await expect(panel.getByText('Suggested', { exact: true })).toHaveCount(0)
  await expect(panel.getByRole('button', { name: /strong suggestion/ })).toHaveCount(0)
  await expect(panelGroup(page, 'Association of Local Councils')).toContainText(
    'ALC will circulate the summary by Friday.',
  )
  await expect(minutes.editor).toContainText('We went through the figures.')
})
