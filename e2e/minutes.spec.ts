import { expect, test } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

test('two members see each other’s text and named carets', async ({ accord }) => {
  const meetingId = await accord.createMeeting()
  const alice = minutesPage(await accord.member('Alice'))
  const bob = minutesPage(await accord.member('Bob'))
  await alice.open(meetingId)
  await bob.open(meetingId)

  await alice.type('ALC will circulate the manifesto analysis by Friday.')
  await expect(bob.editor).toContainText('ALC will circulate the manifesto analysis by Friday.')
  await bob.type(' Carers UK will brief MPs.')
  await expect(alice.editor).toContainText('Carers UK will brief MPs.')

  await expect(alice.presence).toContainText('Bob')
  await expect(bob.presence).toContainText('Alice')
  await expect(alice.editor.locator('.collaboration-carets__label')).toHaveText('Bob')
  await expect(bob.editor.locator('.collaboration-carets__label')).toHaveText('Alice')
})

test('a reload keeps the minutes', async ({ accord }) => {
  const meetingId = await accord.createMeeting()
  const page = await accord.member('Alice')
  const alice = minutesPage(page)
  await alice.open(meetingId)
  await alice.type('We will write jointly to the minister.')
  await alice.expectSaved()

  await page.reload()
  await alice.expectText('We will write jointly to the minister.')
})

test('a server restart keeps the minutes and the editor reconnects', async ({ accord }) => {
  const meetingId = await accord.createMeeting()
  const alice = minutesPage(await accord.member('Alice'))
  await alice.open(meetingId)
  await alice.type('A fully funded fair pay agreement, as asked.')
  await alice.expectSaved()

  await accord.restart()
  await expect(alice.connection).toHaveText('Connected', { timeout: 15_000 })
  const bob = minutesPage(await accord.member('Bob'))
  await bob.open(meetingId)
  await bob.expectText('A fully funded fair pay agreement, as asked.')
  await alice.type(' Agreed.')
  await bob.expectText('A fully funded fair pay agreement, as asked. Agreed.')
})

test('edits made offline merge when the member comes back', async ({ accord }) => {
  const meetingId = await accord.createMeeting()
  const alicePage = await accord.member('Alice')
  const alice = minutesPage(alicePage)
  const bob = minutesPage(await accord.member('Bob'))
  await alice.open(meetingId)
  await bob.open(meetingId)
  await alice.type('Minutes of the call.')
  await bob.expectText('Minutes of the call.')

  await alicePage.context().setOffline(true)
  await expect(alice.connection).toHaveText('Offline')
  await alice.type(' Alice was offline.')
  await expect(alice.saveStatus).toHaveText('Saving…')
  await bob.type(' Bob stayed online.')
  await bob.expectSaved()
  await expect(bob.editor).not.toContainText('Alice was offline.')

  await alicePage.context().setOffline(false)
  await expect(alice.connection).toHaveText('Connected')
  await alice.expectSaved()
  for (const member of [alice, bob]) {
    await expect(member.editor).toContainText('Alice was offline.')
    await expect(member.editor).toContainText('Bob stayed online.')
  }
  await bob.expectText(await alice.text())
})

test('"All changes saved" appears only once the server has stored the edit', async ({ accord }) => {
  const meetingId = await accord.createMeeting()
  const alice = minutesPage(await accord.member('Alice'))
  await alice.open(meetingId)
  await alice.type('First line.')
  await alice.expectSaved()

  // A frozen server receives nothing and commits nothing: the editor must not claim "saved".
  accord.server.process.kill('SIGSTOP')
  try {
    await alice.type(' Typed while the server was frozen.')
    await expect(alice.saveStatus).toHaveText('Saving…')
    await alice.editor.page().waitForTimeout(1500)
    await expect(alice.saveStatus).toHaveText('Saving…')

    // Closing the tab now would lose the edit for everyone else: the browser asks first.
    const page = alice.editor.page()
    const asked = page.waitForEvent('dialog')
    await page.close({ runBeforeUnload: true })
    const dialog = await asked
    expect(dialog.type()).toBe('beforeunload')
    await dialog.dismiss()
    expect(page.isClosed()).toBe(false)
  } finally {
    accord.server.process.kill('SIGCONT')
  }
  await alice.expectSaved()
  const { minutes } = await accord.chair.expect<{ minutes: { text: string } }>(
    200,
    'GET',
    `/api/meetings/${meetingId}/minutes`,
  )
  expect(minutes.text).toBe('First line. Typed while the server was frozen.')
})

test('edits made offline survive closing the tab and reach the others later', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const alicePage = await accord.member('Alice')
  const alice = minutesPage(alicePage)
  await alice.open(meetingId)
  await alice.type('Agenda.')
  await alice.expectSaved()

  const context = alicePage.context()
  await context.setOffline(true)
  await expect(alice.connection).toHaveText('Offline')
  await alice.type(' Written on the train.')
  // y-indexeddb writes each update asynchronously; give it a moment before the tab goes.
  await alicePage.waitForTimeout(500)
  await alicePage.close()
  await context.setOffline(false)

  const reopened = minutesPage(await context.newPage())
  await reopened.open(meetingId)
  await reopened.expectText('Agenda. Written on the train.')
  await reopened.expectSaved()
  const bob = minutesPage(await accord.member('Bob'))
  await bob.open(meetingId)
  await bob.expectText('Agenda. Written on the train.')
})
