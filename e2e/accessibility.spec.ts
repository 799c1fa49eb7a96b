import { expect, test } from './support/fixtures.ts'
import { expectNoSeriousViolations } from './support/accessibility.ts'

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
    await expectNoSeriousViolations(page)
  }
})

test("signed-in pages: the coalition's meetings and its settings", async ({ accord }) => {
  await accord.createMeeting()
  const page = await accord.pageFor(accord.chair)
  await page.goto(`/c/${accord.coalitionId}`)
  await expect(page.getByRole('link', { name: /Fortnightly call/ })).toBeVisible()
  await expectNoSeriousViolations(page)

  await page
    .getByRole('navigation', { name: 'Coalition' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expectNoSeriousViolations(page)
})
