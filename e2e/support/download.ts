import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'

/** Downloads a file through one of the page's buttons and returns its bytes. */
export async function download(page: Page, button: string): Promise<Buffer> {
  const downloaded = page.waitForEvent('download')
  await page.getByRole('button', { name: button, exact: true }).click()
  return readFile(await (await downloaded).path())
}
