import { expect, type Locator, type Page } from '@playwright/test'

/**
 * "Accept all" as a member does it: the Structure panel's "Accept N strong suggestions", then
 * "Create N items" in the confirmation that lists them. Weak suggestions stay as they are.
 * `beforeCreating` may check the confirmation, what it lists, before it is confirmed.
 */
export async function acceptStrongSuggestions(
  page: Page,
  beforeCreating: (confirmation: Locator) => Promise<void> = async () => {},
): Promise<void> {
  const panel = page.getByRole('complementary', { name: 'Structure' })
  await panel.getByRole('button', { name: /^Accept \d+ strong suggestions?$/ }).click()
  const confirmation = page.getByRole('alertdialog', { name: /^Accept \d+ strong suggestions?\?$/ })
  await beforeCreating(confirmation)
  await confirmation.getByRole('button', { name: /^Create \d+ items?$/ }).click()
  await expect(confirmation).toBeHidden()
}
