import { expect, test } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

// The language model is a chunk of its own, fetched after the editor is on screen: the minutes
// must be usable without it, and the highlights must come once it arrives. How long the live
// pass takes, and what the chunk weighs, is measured by the bench (W1 live pass,
// bench/live-pass/), not here.

test('the minutes are on screen and editable before the model arrives; highlights follow it', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const page = await accord.pageFor(accord.chair)
  // Hold the model's chunk back until the editor has been used without it.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  let requested = false
  await page.route(/\/assets\/english-[^/]*\.js$/, async (route) => {
    requested = true
    await held
    await route.continue()
  })
  const minutes = minutesPage(page)
  await minutes.open(meetingId)
  await minutes.type('ALC will circulate the summary by Friday.')
  await minutes.expectSaved()
  await expect.poll(() => requested).toBe(true)
  await expect(minutes.editor.locator('.suggestion')).toHaveCount(0)

  release()
  await expect(minutes.editor.locator('.suggestion--strong')).toHaveText(
    'ALC will circulate the summary by Friday.',
  )
})
