import type { Page } from '@playwright/test'
import { PASSWORD } from '@accord/server/testing'
import { expectNoSeriousViolations } from './support/accessibility.ts'
import { expect, test, type Accord } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

/**
 * The minutes a browser keeps in IndexedDB for offline editing (one database per person and
 * meeting) leave with the person: at sign-out, when their access goes, when someone else signs
 * in there. Unsaved edits are saved first, or the person is told they would be lost.
 */

/** Names of this origin's IndexedDB databases that hold minutes. */
function localCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('accord:'))
      .sort(),
  )
}

/** Every localStorage value, to check none still names a meeting. */
function storedValues(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ ...localStorage }))
}

/** The minutes as the server has stored them. */
async function minutesText(accord: Accord, meetingId: string): Promise<string> {
  const { minutes } = await accord.chair.expect<{ minutes: { text: string } }>(
    200,
    'GET',
    `/api/meetings/${meetingId}/minutes`,
  )
  return minutes.text
}

test('signing out deletes every local copy of the minutes, open or not', async ({ accord }) => {
  const first = await accord.createMeeting('Fortnightly call')
  const second = await accord.createMeeting('Budget call')
  const { client, id } = await accord.join('Alice')
  const page = await accord.pageFor(client)
  const alice = minutesPage(page)
  await alice.open(first)
  await alice.type('Agenda.')
  await alice.expectSaved()
  await alice.open(second)
  await alice.type('Budget.')
  await alice.expectSaved()
  await expect
    .poll(() => localCopies(page))
    .toEqual([`accord:${id}:${first}`, `accord:${id}:${second}`].sort())

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect.poll(() => localCopies(page)).toEqual([])
  const stored = await storedValues(page)
  expect(stored).not.toContain(first)
  expect(stored).not.toContain(second)
})

test('access removed while the meeting is open: its local copy is deleted and the person told', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting('Fortnightly call')
  const { client, id } = await accord.join('Alice')
  const page = await accord.pageFor(client)
  const alice = minutesPage(page)
  await alice.open(meetingId)
  await alice.type('Agenda.')
  await alice.expectSaved()
  await expect.poll(() => localCopies(page)).toEqual([`accord:${id}:${meetingId}`])

  await accord.chair.expect(204, 'DELETE', `/api/coalitions/${accord.coalitionId}/members/${id}`)
  await expect(
    page.getByRole('heading', { name: 'You no longer have access to this meeting' }),
  ).toBeVisible()
  await expect(
    page.getByText('The copy of its minutes kept on this browser has been deleted.'),
  ).toBeVisible()
  await expect.poll(() => localCopies(page)).toEqual([])
  expect(await storedValues(page)).not.toContain(meetingId)
})

test('a meeting no longer shown on arrival loses its local copy too', async ({ accord }) => {
  const meetingId = await accord.createMeeting('Fortnightly call')
  const { client, id } = await accord.join('Alice')
  const page = await accord.pageFor(client)
  const alice = minutesPage(page)
  await alice.open(meetingId)
  await alice.type('Agenda.')
  await alice.expectSaved()
  await page.goto('/')
  await accord.chair.expect(204, 'DELETE', `/api/coalitions/${accord.coalitionId}/members/${id}`)

  await page.goto(`/meetings/${meetingId}`)
  await expect(page.getByRole('heading', { name: 'Meeting not found' })).toBeVisible()
  await expect(
    page.getByText('The copy of its minutes kept on this browser has been deleted.'),
  ).toBeVisible()
  await expect.poll(() => localCopies(page)).toEqual([])
})

test('signing out waits for edits on their way to the server', async ({ accord }) => {
  const meetingId = await accord.createMeeting('Fortnightly call')
  const page = await accord.member('Alice')
  const alice = minutesPage(page)
  await alice.open(meetingId)
  await alice.type('Agenda.')
  await alice.expectSaved()

  // A frozen server commits nothing: the edit is on its way, not saved.
  accord.server.process.kill('SIGSTOP')
  try {
    await alice.type(' Typed just before signing out.')
    await expect(alice.saveStatus).toHaveText('Saving…')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saving your changes' })).toBeVisible()
  } finally {
    accord.server.process.kill('SIGCONT')
  }
  await expect(page).toHaveURL(/\/sign-in$/)
  expect(await minutesText(accord, meetingId)).toBe('Agenda. Typed just before signing out.')
  await expect.poll(() => localCopies(page)).toEqual([])
})

test('signing out with edits that cannot be saved asks first, naming the meeting', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting('Fortnightly call')
  const page = await accord.member('Alice')
  const alice = minutesPage(page)
  await alice.open(meetingId)
  await alice.type('Agenda.')
  await alice.expectSaved()

  // Written offline, then the person moves on to another page: the edit is only in IndexedDB.
  await page.context().setOffline(true)
  await expect(alice.connection).toHaveText('Offline')
  await alice.type(' Written on the train.')
  await page.getByRole('link', { name: '← Northshire Care Coalition' }).click()
  await page.context().setOffline(false)

  await page.getByRole('button', { name: 'Sign out' }).click()
  const warning = page.getByRole('alertdialog', { name: 'Sign out and lose unsaved changes?' })
  await expect(warning).toBeVisible()
  await expect(warning).toContainText('Fortnightly call')
  await expectNoSeriousViolations(page)
  await warning.getByRole('button', { name: 'Cancel' }).click()
  await expect(warning).toBeHidden()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()

  // Opening the meeting again while online sends the edit; then nothing is in the way.
  await alice.open(meetingId)
  await alice.expectText('Agenda. Written on the train.')
  await alice.expectSaved()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  expect(await minutesText(accord, meetingId)).toBe('Agenda. Written on the train.')
  await expect.poll(() => localCopies(page)).toEqual([])
})

test('signing out anyway loses the unsaved edits and deletes them', async ({ accord }) => {
  const meetingId = await accord.createMeeting('Fortnightly call')
  const page = await accord.member('Alice')
  const alice = minutesPage(page)
  await alice.open(meetingId)
  await alice.type('Agenda.')
  await alice.expectSaved()
  await page.context().setOffline(true)
  await expect(alice.connection).toHaveText('Offline')
  await alice.type(' Written on the train.')
  await page.getByRole('link', { name: '← Northshire Care Coalition' }).click()
  await page.context().setOffline(false)

  await page.getByRole('button', { name: 'Sign out' }).click()
  const warning = page.getByRole('alertdialog', { name: 'Sign out and lose unsaved changes?' })
  await warning.getByRole('button', { name: 'Sign out and lose them' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect.poll(() => localCopies(page)).toEqual([])
  expect(await minutesText(accord, meetingId)).toBe('Agenda.')
})

test('a session that ends while editing offline keeps the edits for the same person to send', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting('Fortnightly call')
  const alice = await accord.join('Alice')
  const page = await accord.pageFor(alice.client)
  const editor = minutesPage(page)
  await editor.open(meetingId)
  await editor.type('Agenda.')
  await editor.expectSaved()
  await page.context().setOffline(true)
  await expect(editor.connection).toHaveText('Offline')
  await editor.type(' Written on the train.')

  // Her session ends meanwhile (signed out everywhere from her phone, say); back online, the
  // editor is refused and she is sent to sign in.
  await alice.client.expect(204, 'POST', '/api/auth/sign-out-everywhere')
  await page.context().setOffline(false)
  await expect(page).toHaveURL(/\/sign-in\?next=/)
  await expect(page.getByRole('status')).toHaveText(
    'Your session has ended. Sign in again: the changes that had not reached the server are ' +
      'kept on this browser and sent once you are signed in.',
  )
  expect(await localCopies(page)).toEqual([`accord:${alice.id}:${meetingId}`])

  await signIn(page, alice.email)
  await editor.expectText('Agenda. Written on the train.')
  await editor.expectSaved()
  await expect.poll(() => minutesText(accord, meetingId)).toBe('Agenda. Written on the train.')
})

test('someone else signing in deletes the previous person’s copies, unsaved edits and all', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting('Fortnightly call')
  const alice = await accord.join('Alice')
  const bob = await accord.join('Bob')
  const page = await accord.pageFor(alice.client)
  const context = page.context()
  const editor = minutesPage(page)
  await editor.open(meetingId)
  await editor.type('Agenda.')
  await editor.expectSaved()
  await context.setOffline(true)
  await expect(editor.connection).toHaveText('Offline')
  await editor.type(' Written on the train.')
  await page.waitForTimeout(500) // y-indexeddb stores each update a moment later
  await page.close()
  // Her session ends without her signing out here (it expired, say).
  await alice.client.expect(204, 'POST', '/api/auth/sign-out-everywhere')
  await context.setOffline(false)

  const next = await context.newPage()
  await next.goto('/sign-in')
  expect(await localCopies(next)).toEqual([`accord:${alice.id}:${meetingId}`])
  await signIn(next, bob.email)
  await expect(next.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await expect.poll(() => localCopies(next)).toEqual([])
  expect(await storedValues(next)).not.toContain(meetingId)
  expect(await minutesText(accord, meetingId)).toBe('Agenda.')
})

async function signIn(page: Page, email: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
}
