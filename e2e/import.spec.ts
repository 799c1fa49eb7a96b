import { fileURLToPath } from 'node:url'
import { expect, test } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

const payCampaign = fileURLToPath(
  new URL('../apps/server/src/demo/samples/pay-campaign.txt', import.meta.url),
)

test('the chair imports minutes from a text file and lands in the meeting', async ({ accord }) => {
  const page = await accord.pageFor(accord.chair)
  await page.goto(`/c/${accord.coalitionId}`)
  const section = page.getByRole('region', { name: 'Import minutes' })
  await section.getByLabel('Minutes file').setInputFiles(payCampaign)
  await section.getByLabel('Date').fill('2024-11-12')
  await section.getByRole('button', { name: 'Import minutes' }).click()

  await expect(page).toHaveURL(/\/meetings\//)
  const minutes = minutesPage(page)
  await expect(minutes.editor).toContainText(
    'Care Workforce Pay Campaign - notes of meeting 12 November 2024',
  )
  await expect(minutes.editor).toContainText('Next meeting: 26 November.')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('pay-campaign')
})

test('a file the server cannot import gets its message in an alert', async ({ accord }) => {
  const page = await accord.pageFor(accord.chair)
  await page.goto(`/c/${accord.coalitionId}`)
  const section = page.getByRole('region', { name: 'Import minutes' })
  await section.getByLabel('Minutes file').setInputFiles({
    name: 'minutes.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from('not a word document'),
  })
  await section.getByRole('button', { name: 'Import minutes' }).click()
  await expect(section.getByRole('alert')).toContainText('could not be read as a Word document')
  await expect(page).toHaveURL(new RegExp(`/c/${accord.coalitionId}$`))
})
