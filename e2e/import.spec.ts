import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test, type Accord } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

const sample = (file: string) =>
  fileURLToPath(new URL(`../apps/server/src/demo/samples/${file}`, import.meta.url))
const payCampaign = sample('pay-campaign.txt')

/** The sample coalition's other organisations, so owners in the samples resolve. */
async function addSampleOrganisations(accord: Accord) {
  const { organisations } = JSON.parse(fs.readFileSync(sample('organisations.json'), 'utf8')) as {
    organisations: { name: string; short: string; aliases: string[] }[]
  }
  for (const { name, short, aliases } of organisations) {
    if (short === 'ALC') continue
    await accord.chair.expect(201, 'POST', `/api/coalitions/${accord.coalitionId}/organisations`, {
      name,
      shortName: short,
      aliases,
    })
  }
}

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

test('a long upload shows how far it has got, then lands in the meeting', async ({ accord }) => {
  const page = await accord.pageFor(accord.chair)
  await page.goto(`/c/${accord.coalitionId}`)
  // About 300 KB of minutes over a link sending 100 KB a second: a few seconds of upload.
  const paragraph = 'ALC reported on the winter pressures work and the regional figures. '
  const text = `# Long minutes\n\n${Array.from({ length: 4400 }, () => paragraph).join('\n\n')}`
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 100 * 1024,
  })
  const section = page.getByRole('region', { name: 'Import minutes' })
  await section.getByLabel('Minutes file').setInputFiles({
    name: 'long.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(text),
  })
  await section.getByRole('button', { name: 'Import minutes' }).click()

  const progress = section.getByRole('status')
  await expect(progress).toContainText(/Uploading… \d+%/)
  await expect(progress.getByRole('progressbar', { name: 'Upload' })).toBeVisible()
  await expect(page).toHaveURL(/\/meetings\//, { timeout: 30_000 })
  await expect(minutesPage(page).editor).toContainText('winter pressures')
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

for (const [file, date, owner, target] of [
  ['fortnightly-call.md', '2025-03-04', 'Home Care Providers Forum', 'HM Treasury'],
  ['pay-campaign.txt', '2024-11-12', 'Vote For Care', 'local MPs'],
  ['reform-alliance.md', '2025-01-21', 'Principal Social Workers Network', 'care minister'],
] as const) {
  test(`imported ${file} is structured: its actions by organisation and its asks`, async ({
    accord,
  }) => {
    await addSampleOrganisations(accord)
    const page = await accord.pageFor(accord.chair)
    await page.goto(`/c/${accord.coalitionId}`)
    const section = page.getByRole('region', { name: 'Import minutes' })
    await section.getByLabel('Minutes file').setInputFiles(sample(file))
    await section.getByLabel('Date').fill(date)
    await section.getByRole('button', { name: 'Import minutes' }).click()

    await expect(page).toHaveURL(/\/meetings\//)
    const structure = page.getByRole('complementary', { name: 'Structure' })
    await expect(structure.getByRole('heading', { name: owner, exact: true })).toBeVisible()
    await expect(structure.getByRole('region', { name: 'Asks' })).toContainText(target)
  })
}
