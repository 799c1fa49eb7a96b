import { expect, type Page } from '@playwright/test'

/** What a member sees and does on a meeting's page. */
export function minutesPage(page: Page) {
  const editor = page.getByRole('textbox', { name: 'Minutes' })
  return {
    editor,
    saveStatus: page.getByTestId('save-status'),
    connection: page.getByTestId('connection-status'),
    presence: page.getByTestId('presence'),
    async open(meetingId: string) {
      await page.goto(`/meetings/${meetingId}`)
      await expect(page.getByTestId('connection-status')).toHaveText('Connected')
      await expect(editor).toBeVisible()
    },
    /** Types at the end of the minutes, as a person would. */
    async type(text: string) {
      await editor.click()
      await page.keyboard.press('ControlOrMeta+End')
      await page.keyboard.type(text)
    },
    async expectSaved() {
      await expect(page.getByTestId('save-status')).toHaveText('All changes saved')
    },
  }
}
