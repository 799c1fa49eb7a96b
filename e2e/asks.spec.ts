import fs from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { AccordClient } from '@accord/server/testing'
import { expect, test, type Accord } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'
import { expectNoSeriousViolations } from './support/accessibility.ts'

const SENTENCE = 'We will ask HM Treasury to fund the pay rise, supported by ALC.'
const NCVO = 'National Council for Voluntary Organisations'

/** A second organisation of the coalition, and a member of it signed in over the API. */
async function secondOrganisation(accord: Accord) {
  const { organisation } = await accord.chair.expect<{ organisation: { id: string } }>(
    201,
    'POST',
    `/api/coalitions/${accord.coalitionId}/organisations`,
    { name: NCVO, shortName: 'NCVO' },
  )
  const { path } = await accord.chair.expect<{ path: string }>(
    201,
    'POST',
    `/api/coalitions/${accord.coalitionId}/invites`,
    { organisationId: organisation.id, role: 'member' },
  )
  const nia = new AccordClient(accord.server.url)
  await nia.signUp('Nia')
  await nia.expect(200, 'POST', `/api/invites/${path.split('/').pop()}/accept`)
  return { organisationId: organisation.id, nia }
}

/**
 * Types the sentence into the minutes and accepts the ask the extractor suggests for it, from the
 * Structure panel: the sentence also reads as an action ("We will ask …"), whose highlight the
 * popover would open first.
 */
async function minuteAnAsk(page: Page) {
  const minutes = minutesPage(page)
  await minutes.type(SENTENCE)
  const asks = page
    .getByRole('complementary', { name: 'Structure' })
    .getByRole('region', { name: 'Asks' })
  const node = minutes.editor.locator('[data-type="ask"]')
  await expect(asks).toContainText('Backed by ALC')
  // The panel follows the typing a little behind: a click on the suggestion of a sentence only
  // half typed finds nothing to accept, so click until the node is there.
  await expect(async () => {
    await asks.getByRole('button', { name: 'Accept' }).click({ timeout: 2_000 })
    await expect(node).toHaveCount(1, { timeout: 2_000 })
  }).toPass()
  return node
}

/** Waits until the server's ledger holds the accepted ask; returns its key. */
async function askInLedger(accord: Accord): Promise<string> {
  const path = `/api/coalitions/${accord.coalitionId}/ledger`
  let key = ''
  await expect
    .poll(async () => {
      const ledger = await accord.chair.expect<{ asks: { key: string }[] }>(200, 'GET', path)
      key = ledger.asks[0]?.key ?? ''
      return ledger.asks.length
    })
    .toBe(1)
  return key
}

/** The board's card of the one ask. */
const askCard = (page: Page) =>
  page.getByRole('listitem').filter({ has: page.getByText('fund the pay rise') })

const today = () => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date())

test('a member endorses an ask for their own organisation and withdraws; the minutes follow live', async ({
  accord,
}) => {
  const { nia } = await secondOrganisation(accord)
  const meetingId = await accord.createMeeting('Pay campaign call')
  const chairPage = await accord.pageFor(accord.chair)
  await minutesPage(chairPage).open(meetingId)
  const node = await minuteAnAsk(chairPage)
  await expect(node).toContainText('Backed by ALC')
  await askInLedger(accord)

  const page = await accord.pageFor(nia)
  await page.goto(`/c/${accord.coalitionId}/asks`)
  await expect(page.getByRole('heading', { level: 1, name: 'Asks' })).toBeVisible()
  const proposed = page.getByRole('region', { name: /Proposed/ })
  const card = askCard(page)
  await expect(proposed.getByRole('listitem').filter({ hasText: 'fund the pay rise' })).toHaveCount(
    1,
  )
  await expect(card).toContainText('HM Treasury')
  const supporters = card.getByRole('list', { name: 'Supporting organisations' })
  await expect(supporters.getByRole('link')).toHaveText(['Association of Local Councils'])
  await expect(card.getByRole('link', { name: 'Pay campaign call' })).toHaveAttribute(
    'href',
    `/meetings/${meetingId}`,
  )
  // Nia may endorse for her own organisation only: no ALC button, no status to change.
  await expect(card.getByRole('button', { name: /ALC/ })).toHaveCount(0)
  await expect(card.getByRole('combobox')).toHaveCount(0)
  await expectNoSeriousViolations(page)

  await card.getByRole('button', { name: 'Endorse for NCVO' }).click()
  await expect(supporters.getByRole('link')).toHaveText(['Association of Local Councils', NCVO])
  await expect(supporters.getByRole('link', { name: NCVO })).toHaveAttribute(
    'href',
    /\/organisations\//,
  )
  const history = card.getByRole('list', { name: /History/ })
  await expect(history.getByRole('listitem')).toHaveCount(1)
  await expect(history).toContainText('Nia (NCVO) endorsed')
  await expect(history).toContainText(today())
  await expect(page.getByRole('status').filter({ hasText: 'NCVO now supports' })).toHaveCount(1)
  // Written into the minutes: the chair's open editor shows the new backer without a reload.
  await expect(node).toContainText(/Backed by ALC, NCVO|Backed by NCVO, ALC/)

  await card.getByRole('button', { name: "Withdraw NCVO's support" }).click()
  await expect(supporters.getByRole('link')).toHaveText(['Association of Local Councils'])
  await expect(history.getByRole('listitem')).toHaveCount(2)
  await expect(history.getByRole('listitem').nth(1)).toContainText('Nia (NCVO) withdrew support')
  await expect(card.getByRole('button', { name: 'Endorse for NCVO' })).toBeVisible()
  await expect(node).not.toContainText('NCVO')
  await expect(node).toContainText('Backed by ALC')

  // What the server kept, as anyone loading the board later sees it.
  await page.reload()
  await expect(askCard(page).getByRole('list', { name: /History/ })).toContainText(
    'Nia (NCVO) endorsed',
  )
  await expect(
    askCard(page).getByRole('list', { name: 'Supporting organisations' }).getByRole('link'),
  ).toHaveText(['Association of Local Councils'])
})

test('the chair agrees an ask and downloads the joint letter; approved minutes make it read-only', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting('Pay campaign call')
  const chairPage = await accord.pageFor(accord.chair)
  await minutesPage(chairPage).open(meetingId)
  await minuteAnAsk(chairPage)
  await askInLedger(accord)

  const page = await accord.pageFor(accord.chair)
  await page.goto(`/c/${accord.coalitionId}/asks`)
  const letter = page.getByRole('region', { name: 'Joint letter' })
  await expect(letter).toContainText('Once the coalition agrees an ask')
  await askCard(page).getByRole('combobox', { name: 'Status' }).selectOption('Agreed')
  const agreed = page.getByRole('region', { name: /Agreed/ })
  await expect(agreed.getByRole('listitem').filter({ hasText: 'fund the pay rise' })).toHaveCount(1)
  await expect(page.getByRole('region', { name: /Proposed/ })).toContainText('None.')

  await expect(letter.getByRole('combobox', { name: 'Addressed to' })).toHaveValue('HM Treasury')
  // The minutes name ALC; it signs once it endorses the ask itself, which its chair does here.
  const supporters = askCard(page).getByRole('list', { name: 'Supporting organisations' })
  await expect(supporters).toContainText('named in the minutes, not endorsed')
  await askCard(page).getByRole('button', { name: 'Endorse for ALC' }).click()
  await expect(askCard(page).getByRole('list', { name: /History/ })).toContainText('endorsed')
  await expect(supporters).not.toContainText('not endorsed')
  await expectNoSeriousViolations(page)
  const downloading = page.waitForEvent('download')
  await letter.getByRole('button', { name: 'Markdown (.md)' }).click()
  const download = await downloading
  const text = await fs.readFile(await download.path(), 'utf8')
  expect(text).toContain('HM Treasury')
  expect(text).toContain('fund the pay rise')
  expect(text).toContain('Association of Local Councils')

  await accord.chair.expect(200, 'POST', `/api/meetings/${meetingId}/approve`)
  await page.reload()
  const card = askCard(page)
  await expect(card).toContainText('The minutes of this meeting are approved')
  await expect(card.getByRole('combobox')).toHaveCount(0)
  await expect(card.getByRole('button')).toHaveCount(0)
  await expect(card).toContainText('Association of Local Councils')
})
