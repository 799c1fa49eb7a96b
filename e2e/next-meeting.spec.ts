import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'
import { acceptStrongSuggestions } from './support/accept-all.ts'
import { expectNoSeriousViolations } from './support/accessibility.ts'

const ALC_ACTION = 'ALC will circulate the summary by Friday.'
const FPCT_ACTION = 'FPCT will draft the joint letter by Friday.'
const FPCT_DONE = 'FPCT will book the hall by Friday.'

/** The minutes' blocks in order: headings, and actions by their text alone. */
function outline(page: Page): Promise<string[]> {
  return minutesPage(page).editor.evaluate((editor) =>
    [...editor.children].flatMap((block) => {
      if (/^H[1-6]$/.test(block.tagName)) return [`heading: ${block.textContent}`]
      if (block.matches('[data-type="action-item"]')) {
        return [`action: ${block.querySelector('.structured__text')?.textContent ?? ''}`]
      }
      return block.textContent ? [`text: ${block.textContent}`] : []
    }),
  )
}

test('"Start next meeting" carries the open actions under their organisations', async ({
  accord,
}) => {
  await accord.chair.expect(201, 'POST', `/api/coalitions/${accord.coalitionId}/organisations`, {
    name: 'Federation of Parish Care Trusts',
    shortName: 'FPCT',
  })
  const meetingId = await accord.createMeeting('Fortnightly call')
  const page = await accord.pageFor(accord.chair)
  const minutes = minutesPage(page)
  await minutes.open(meetingId)

  await minutes.type('# Budget')
  await page.keyboard.press('Enter')
  for (const sentence of [ALC_ACTION, FPCT_ACTION, FPCT_DONE]) {
    await page.keyboard.type(sentence)
    await page.keyboard.press('Enter')
  }
  await acceptStrongSuggestions(page)
  const actions = minutes.editor.locator('[data-type="action-item"]')
  await expect(actions).toHaveCount(3)
  await actions
    .filter({ hasText: FPCT_DONE })
    .getByRole('combobox', { name: 'Status' })
    .selectOption('done')
  await minutes.expectSaved()
  await expectNoSeriousViolations(page)

  const next = page.getByRole('region', { name: 'Start the next meeting' })
  await expect(next.getByRole('textbox', { name: 'Title' })).toHaveValue('Fortnightly call')
  await next.getByLabel('Date').fill('2025-03-18')
  await next.getByRole('button', { name: 'Start next meeting' }).click()

  await page.waitForURL(
    (url) => /^\/meetings\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(`/${meetingId}`),
  )
  await expect(page.getByRole('heading', { level: 1, name: /Fortnightly call/ })).toContainText(
    '18 March 2025',
  )
  const carried = minutesPage(page)
  await expect(carried.editor).toBeVisible()
  await expect(carried.editor.getByRole('heading', { name: 'Matters arising' })).toBeVisible()
  await expect
    .poll(() => outline(page))
    .toEqual([
      'heading: Budget',
      'heading: Matters arising',
      'heading: Association of Local Councils',
      `action: ${ALC_ACTION}`,
      'heading: Federation of Parish Care Trusts',
      `action: ${FPCT_ACTION}`,
    ])
  await expect(carried.editor.locator('[data-type="action-item"]')).toHaveCount(2)
  await expectNoSeriousViolations(page)
})
