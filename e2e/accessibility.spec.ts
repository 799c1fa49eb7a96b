import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures.ts'

/**
 * The pages not covered by their own specs' checks (tracker, organisation, asks and meeting
 * pages check themselves): none may have a serious or critical accessibility violation.
 */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations.filter(({ impact }) => impact === 'serious' || impact === 'critical')
  expect(
    serious.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((n) => n.target) })),
  ).toEqual([])
}

test('signed-out pages: sign in, sign up, an invite and a page that does not exist', async ({
  accord,
}) => {
  const { path } = await accord.chair.expect(
    201,
    'POST',
    `/api/coalitions/${accord.coalitionId}/invites`,
    { organisationId: accord.organisationId, role: 'member' },
  )
  const page = await accord.pageFor(undefined)
  for (const [url, heading] of [
    ['/sign-in', 'Sign in'],
    ['/sign-up', 'Create your account'],
    [path as string, /Join/],
    ['/no-such-page', /not found/i],
  ] as const) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading)
    await expectAccessible(page)
  }
})

test("signed-in pages: the coalition's meetings and its settings", async ({ accord }) => {
  await accord.createMeeting()
  const page = await accord.pageFor(accord.chair)
  await page.goto(`/c/${accord.coalitionId}`)
  await expect(page.getByRole('link', { name: /Fortnightly call/ })).toBeVisible()
  await expectAccessible(page)

  await page
    .getByRole('navigation', { name: 'Coalition' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expectAccessible(page)
})
