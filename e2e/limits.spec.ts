import { expect, test } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

test.use({ serverEnv: { MAX_MESSAGE_BYTES: '4096' } })

test('a change too large to save is explained instead of "Saving…" for ever', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const alicePage = await accord.member('Alice')
  const alice = minutesPage(alicePage)
  const bob = minutesPage(await accord.member('Bob'))
  await alice.open(meetingId)
  await bob.open(meetingId)
  await alice.type('Agenda.')
  await alice.expectSaved()

  // One paste of about 8 KB is one update, twice the server's limit in this test.
  await alicePage.evaluate((text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    document
      .querySelector('[aria-label="Minutes"]')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  }, ' Appendix.'.repeat(800))
  await expect(alicePage.getByRole('alert')).toContainText('larger than the server accepts')
  await expect(alice.saveStatus).toHaveText('Saving…')
  await bob.expectText('Agenda.')
  // The room is unharmed: Bob's edits are still saved and stored.
  await bob.type(' Minutes approved.')
  await bob.expectSaved()
})
