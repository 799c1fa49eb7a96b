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
    /** Starts a line at the end as an action with the / menu, then types its words. */
    async typeAction(words: string) {
      await this.type('/act')
      await expect(page.getByRole('listbox', { name: 'Turn this line into' })).toBeVisible()
      await page.keyboard.press('Enter')
      await page.keyboard.type(words)
    },
    /** The minutes as a reader sees them: block texts, without other people's caret labels. */
    text(): Promise<string> {
      return editor.evaluate((element) => {
        const copy = element.cloneNode(true) as HTMLElement
        for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
        return [...copy.children].map((block) => block.textContent).join('\n')
      })
    },
    async expectText(expected: string) {
      await expect.poll(() => this.text()).toBe(expected)
    },
    async expectSaved() {
      await expect(page.getByTestId('save-status')).toHaveText('All changes saved')
    },
  }
}
