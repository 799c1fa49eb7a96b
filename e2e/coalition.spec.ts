import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

const PASSWORD = 'a long enough password'

async function signUp(page: Page, name: string, email: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
}

async function createInvite(page: Page, organisation: string, role: string): Promise<string> {
  const invites = page.getByRole('region', { name: 'Invites' })
  await invites.getByLabel('Organisation', { exact: true }).selectOption({ label: organisation })
  await invites.getByLabel('Role', { exact: true }).selectOption({ label: role })
  await invites.getByRole('button', { name: 'Create invite link' }).click()
  const link = invites.getByLabel('Invite link')
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/)
  return link.inputValue()
}

/** A newcomer opens the link, creates an account from it and joins. */
async function joinByLink(page: Page, link: string, name: string, email: string) {
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Join Reform Alliance')
  await page.getByRole('link', { name: 'Create account' }).click()
  await signUp(page, name, email)
  await expect(page).toHaveURL(/\/invite\//)
  await page.getByRole('button', { name: 'Join coalition' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reform Alliance' })).toBeVisible()
}

test('a chair builds a coalition and invites people; a member co-edits, an observer follows and cannot type', async ({
  accord,
}) => {
  // The chair signs up and creates the coalition.
  const chairPage = await accord.pageFor(undefined)
  await chairPage.goto('/')
  await expect(chairPage).toHaveURL(/\/sign-in/)
  await chairPage.getByRole('link', { name: 'Create account' }).click()
  await signUp(chairPage, 'Priya', 'priya@rca.example')
  await chairPage.getByLabel('Coalition name').fill('Reform Alliance')
  await chairPage.getByLabel('Your organisation').fill('Residential Care Alliance')
  await chairPage.getByLabel('Short name').fill('RCA')
  await chairPage.getByRole('button', { name: 'Create coalition' }).click()
  await expect(chairPage.getByRole('heading', { level: 1, name: 'Reform Alliance' })).toBeVisible()
  await expect(chairPage.locator('.role-badge')).toHaveText('Chair')

  // Organisations, with a short name and an alias.
  await chairPage.getByRole('link', { name: 'Settings' }).click()
  const organisations = chairPage.getByRole('region', { name: 'Organisations' })
  await organisations.getByLabel('Organisation name').fill('Carers Network Northshire')
  await organisations.getByLabel('Short name', { exact: true }).fill('CNN')
  await organisations.getByLabel('Aliases').fill('Carers Network')
  await organisations.getByRole('button', { name: 'Add organisation' }).click()
  const row = organisations.getByRole('row', { name: /Carers Network Northshire/ })
  await expect(row).toContainText('CNN')
  await expect(row).toContainText('Carers Network')

  const memberLink = await createInvite(chairPage, 'Carers Network Northshire', 'Member')
  const observerLink = await createInvite(chairPage, 'Carers Network Northshire', 'Observer')

  // A meeting to co-edit.
  await chairPage.getByRole('link', { name: '← Reform Alliance' }).click()
  // Scoped: the Import minutes form on the same page has Title and Date fields too.
  const newMeeting = chairPage.getByRole('region', { name: 'New meeting' })
  await newMeeting.getByLabel('Title').fill('Fortnightly call')
  await newMeeting.getByLabel('Date').fill('2025-03-04')
  await newMeeting.getByRole('button', { name: 'Create meeting' }).click()
  await expect(chairPage).toHaveURL(/\/meetings\//)
  const meetingPath = new URL(chairPage.url()).pathname
  const chair = minutesPage(chairPage)
  await expect(chair.connection).toHaveText('Connected')

  // The member joins by link in a second browser and co-edits.
  const memberPage = await accord.pageFor(undefined)
  await joinByLink(memberPage, memberLink, 'Tom', 'tom@cnn.example')
  await expect(memberPage.locator('.role-badge')).toHaveText('Member')
  const member = minutesPage(memberPage)
  await member.open(meetingPath.split('/').pop()!)
  await member.type('CNN will share the respite survey by Friday.')
  await chair.expectText('CNN will share the respite survey by Friday.')
  await chair.type(' Agreed.')
  await member.expectText('CNN will share the respite survey by Friday. Agreed.')
  await member.expectSaved()
  // Presence names each person with their organisation, from their account.
  await expect(chair.presence).toContainText('Tom · CNN')

  // The observer follows live in a third browser and cannot change a thing.
  const observerPage = await accord.pageFor(undefined)
  await joinByLink(observerPage, observerLink, 'Hannah', 'hannah@cnn.example')
  await expect(observerPage.locator('.role-badge')).toHaveText('Observer')
  await observerPage.goto(meetingPath)
  const observer = minutesPage(observerPage)
  await expect(observer.connection).toHaveText('Connected')
  await expect(observerPage.getByRole('note')).toContainText('You are an observer')
  await expect(observer.editor).toHaveAttribute('contenteditable', 'false')
  await observer.expectText('CNN will share the respite survey by Friday. Agreed.')
  await member.type(' Tom to report back.')
  await observer.expectText(
    'CNN will share the respite survey by Friday. Agreed. Tom to report back.',
  )

  await observer.editor.click()
  await observerPage.keyboard.press('ControlOrMeta+End')
  await observerPage.keyboard.type('Observer was here.')
  // A later edit from the member proves the observer's keystrokes had time to travel.
  await member.type(' Done.')
  const expected = 'CNN will share the respite survey by Friday. Agreed. Tom to report back. Done.'
  await observer.expectText(expected)
  await chair.expectText(expected)
  await member.expectSaved()
  // What the server stored, read with the member's session: the observer's typing is not in it.
  const stored = await memberPage.context().request.get(`/api${meetingPath}/minutes`)
  expect(((await stored.json()) as { minutes: { text: string } }).minutes.text).toBe(expected)
  await expect(memberPage.getByTestId('save-status')).toHaveText('All changes saved')
  await expect(observerPage.getByTestId('save-status')).toHaveCount(0)
})

test('an outsider cannot open another coalition’s meeting, and signing out closes the editor', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const memberPage = await accord.member('Tom')
  const member = minutesPage(memberPage)
  await member.open(meetingId)

  // Someone with an account of their own, in no coalition of this meeting.
  const outsiderPage = await accord.pageFor(undefined)
  await outsiderPage.goto('/sign-up')
  await signUp(outsiderPage, 'Mallory', 'mallory@elsewhere.example')
  await expect(outsiderPage.getByRole('heading', { name: 'Welcome, Mallory' })).toBeVisible()
  await outsiderPage.goto(`/meetings/${meetingId}`)
  await expect(outsiderPage.getByRole('textbox', { name: 'Minutes' })).toHaveCount(0)
  await expect(outsiderPage.getByRole('heading', { level: 1 })).toContainText(
    /not found|no meeting/i,
  )

  // Signing out elsewhere ends the session; the open editor is sent to sign in.
  await memberPage.context().request.post('/api/auth/sign-out-everywhere', {
    headers: { origin: accord.server.url },
  })
  await expect(memberPage).toHaveURL(/\/sign-in\?next=%2Fmeetings%2F/)
  await expect(memberPage.getByRole('status')).toContainText('Your session has ended')
})

test('the chair records which organisations attended; members see the list', async ({ accord }) => {
  const meetingId = await accord.createMeeting()
  await accord.chair.expect(201, 'POST', `/api/coalitions/${accord.coalitionId}/organisations`, {
    name: 'Fair Pay for Care Trust',
    shortName: 'FPCT',
  })
  const chairPage = await accord.pageFor(accord.chair)
  await minutesPage(chairPage).open(meetingId)
  const attendance = chairPage.getByRole('group', { name: 'Attendance' })
  await attendance.getByRole('checkbox', { name: 'Fair Pay for Care Trust' }).check()
  await expect(attendance.getByRole('status')).toHaveText('Attendance saved')

  const memberPage = await accord.member('Tom')
  await minutesPage(memberPage).open(meetingId)
  await expect(memberPage.getByRole('checkbox')).toHaveCount(0)
  const list = memberPage.getByRole('region', { name: 'Attendance' })
  await expect(list.getByRole('listitem')).toHaveText(['Fair Pay for Care Trust (FPCT)'])
})
