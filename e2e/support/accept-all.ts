import { expect, type Page } from '@playwright/test'

/**
 * "Accept all" as a member does it: the Structure panel's "Accept N strong suggestions", then
 * "Create N items" in the confirmation that lists them. Weak suggestions stay as they are.
 */
export async function acceptStrongSuggestions(page: Page): Promise<void> {
  const panel = page.getByRole('complementary', { name: 'Structure' })
  await panel.getByRole('button', { name: /^Accept \d+ strong suggestions?$/ }).click()
  const confirmation = page.getByRole('alertdialog', { name: /^Accept \d+ strong suggestions?\?$/ })
  await confirmation.getByRole('button', { name: /^Create \d+ items?$/ }).click()
  await expect(confirmation).toBeHidden()
}
