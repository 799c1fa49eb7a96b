import { expect, test } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

test('structured items by keyboard: / menu, @ organisations, line-start shortcuts and the due-date chip', async ({
  accord,
}) => {
  await accord.chair.expect(201, 'POST', `/api/coalitions/${accord.coalitionId}/organisations`, {
    name: 'Fair Pay for Care Trust',
    shortName: 'FPCT',
    aliases: ['Fair Pay Trust'],
  })
  const meetingId = await accord.createMeeting()
  const page = await accord.member('Tom')
  const minutes = minutesPage(page)
  await minutes.open(meetingId)
  const editor = minutes.editor

  // "/action" turns the line into an action; "@" offers organisations by alias.
  await minutes.type('/act')
  await expect(page.getByRole('listbox', { name: 'Turn this line into' })).toBeVisible()
  await page.keyboard.press('Enter')
  const action = editor.locator('[data-type="action-item"]')
  await expect(action).toHaveCount(1)
  await page.keyboard.type('Draft the pay letter with @Fair')
  await expect(page.getByRole('listbox', { name: 'Organisations' })).toContainText('FPCT')
  await page.keyboard.press('Enter')
  await expect(action.locator('[data-type="organisation-mention"]')).toHaveText('@FPCT')

  // The due date is typed in words and read against the meeting's date (Tuesday 4 March 2025).
  await action.getByRole('button', { name: /^Due date/ }).click()
  await page.getByRole('textbox', { name: 'Due date' }).fill('end of March')
  await page.keyboard.press('Enter')
  await expect(action.getByRole('button', { name: /^Due date/ })).toHaveText('Due Mon 31 Mar')
  await action.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'In progress' })

  // Words that are no date stay as they were typed, flagged.
  await action.getByRole('button', { name: /^Due date/ }).click()
  await page.getByRole('textbox', { name: 'Due date' }).fill('when pigs fly')
  await page.keyboard.press('Enter')
  await expect(action.getByRole('button', { name: /date not understood/ })).toBeVisible()

  // A new paragraph starting "Decision: " becomes a decision.
  await editor.click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Decision: we will write to the minister.')
  await expect(editor.locator('[data-type="decision"]')).toContainText(
    'we will write to the minister.',
  )

  // The chair's panel, in another browser, lists the action under the mentioned organisation.
  const chairPage = await accord.pageFor(accord.chair)
  await minutesPage(chairPage).open(meetingId)
  const structure = chairPage.getByRole('complementary', { name: 'Structure' })
  await expect(structure.getByRole('heading', { name: 'Fair Pay for Care Trust' })).toBeVisible()
  await expect(structure.getByRole('region', { name: 'Decisions' })).toContainText(
    'we will write to the minister',
  )
})
