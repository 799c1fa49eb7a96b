import type { Page } from '@playwright/test'
import mammoth from 'mammoth'
import {
  ACTION_LOG,
  ATTENDEES,
  ORGANISATIONS,
  actionLogMinutes,
  type Organisation,
} from './support/action-log-docx.ts'
import { acceptStrongSuggestions } from './support/accept-all.ts'
import { download } from './support/download.ts'
import { expect, test, type Accord } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

// One truth on every surface, from a Word file as secretariats write them: the attendance
// table's organisations are ticked, and each action of the log, owned by initials, is filed by
// the tracker under the organisation of the person with those initials, with the same owners
// in its node's header in the minutes and in the Word export.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Each logged action with the organisation its owner's initials stand for. */
const EXPECTED = ACTION_LOG.map((action) => {
  const attendee = ATTENDEES.find((person) => person.initials === action.owner)
  if (!attendee) throw new Error(`no attendee has the initials ${action.owner}`)
  return { ...action, organisation: attendee.organisation }
})

/** A coalition of the chair's of the minutes' organisations, and one nobody came from. */
async function createCoalition(accord: Accord): Promise<string> {
  const { membership } = await accord.chair.expect(201, 'POST', '/api/coalitions', {
    name: 'Food Security Partnership',
    organisation: ORGANISATIONS.foodBank,
  })
  const coalitionId: string = membership.coalition.id
  for (const organisation of [ORGANISATIONS.tenants, ORGANISATIONS.kitchen, ORGANISATIONS.advice]) {
    await accord.chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/organisations`, {
      ...organisation,
    })
  }
  return coalitionId
}

/** Imports the .docx through the coalition page's form; lands in the new meeting. */
async function importWordMinutes(page: Page, coalitionId: string): Promise<void> {
  await page.goto(`/c/${coalitionId}`)
  const section = page.getByRole('region', { name: 'Import minutes' })
  await section.getByLabel('Minutes file').setInputFiles({
    name: 'Steering group 6 March.docx',
    mimeType: DOCX,
    buffer: await actionLogMinutes(),
  })
  await section.getByLabel('Date').fill('2025-03-06')
  await section.getByRole('button', { name: 'Import minutes' }).click()
  await expect(page).toHaveURL(/\/meetings\//)
}

/** Accept all, once the confirmation lists every logged action with its owner's organisation. */
const acceptAll = (page: Page) =>
  acceptStrongSuggestions(page, async (confirmation) => {
    const listed = confirmation.getByRole('list', { name: 'To be created' }).getByRole('listitem')
    for (const { text, organisation } of EXPECTED) {
      await expect(listed.filter({ hasText: text })).toContainText(`Owners: ${organisation.name}`)
    }
  })

/** The meeting's Word export, downloaded from its page, as text. */
async function wordExport(page: Page): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: await download(page, 'Word (.docx)') })
  return value
}

/**
 * Waits until the server has stored exactly these actions of the coalition (each holding one
 * of `texts`): the projection runs a moment after an edit is saved (debounced, on a worker), and
 * the tracker page reads the ledger once on opening (then every 30 s), so opening it earlier
 * could show the ledger of before, or of words half typed.
 */
async function untilTracked(accord: Accord, coalitionId: string, texts: readonly string[]) {
  const tracked = async () => {
    const { actions } = await accord.chair.expect<{ actions: { text: string }[] }>(
      200,
      'GET',
      `/api/coalitions/${coalitionId}/ledger`,
    )
    return (
      actions.length === texts.length &&
      texts.every((text) => actions.some((action) => action.text.includes(text)))
    )
  }
  await expect.poll(tracked, { timeout: 20_000 }).toBe(true)
}

const describe = (organisation: Organisation) => `${organisation.name} (${organisation.shortName})`

test('an imported Word action log: tracker, node headers and Word export name the same owners', async ({
  accord,
}) => {
  const coalitionId = await createCoalition(accord)
  const page = await accord.pageFor(accord.chair)
  await importWordMinutes(page, coalitionId)
  const minutes = minutesPage(page)
  await expect(page.getByTestId('connection-status')).toHaveText('Connected')
  for (const { text } of ACTION_LOG) await expect(minutes.editor).toContainText(text)

  // The attendance table's organisations are ticked; the one nobody came from is not.
  const attendance = page.getByRole('group', { name: 'Attendance' })
  for (const { organisation } of ATTENDEES) {
    await expect(attendance.getByRole('checkbox', { name: organisation.name })).toBeChecked()
  }
  await expect(
    attendance.getByRole('checkbox', { name: ORGANISATIONS.advice.name }),
  ).not.toBeChecked()

  await acceptAll(page)
  const actions = minutes.editor.locator('[data-type="action-item"]')
  await expect(actions).toHaveCount(ACTION_LOG.length)
  await minutes.expectSaved()

  // Each node's header names its owner as the initials' organisation.
  for (const { text, organisation } of EXPECTED) {
    const header = actions.filter({ hasText: text }).locator('.structured__people')
    await expect(header, text).toHaveText(`Owners: ${organisation.shortName}`)
  }

  // The Word export says the same.
  const word = await wordExport(page)
  for (const { text, organisation, due } of EXPECTED) {
    const line = word.split('\n').find((candidate) => candidate.includes(text))
    expect(line, `the Word export has no line for "${text}"`).toBeDefined()
    expect(line).toMatch(new RegExp(`^Action \\(${organisation.shortName};`))
    // "14 March 2025" as the exports write it: "due 14 Mar 2025".
    expect(line).toContain(`due ${due.replace(/([A-Z][a-z]{2})[a-z]+/, '$1')}`)
  }

  // And the tracker files each action under that organisation, and nothing under the absent one.
  await untilTracked(
    accord,
    coalitionId,
    ACTION_LOG.map(({ text }) => text),
  )
  await page.goto(`/c/${coalitionId}/tracker`)
  const table = page.getByRole('table', { name: /Actions of the coalition/ })
  const rows = table.locator('tbody tr')
  await expect(rows).toHaveCount(ACTION_LOG.length)
  const organisationFilter = page
    .getByRole('group', { name: 'Filter actions' })
    .getByLabel('Organisation')
  for (const { text, organisation } of EXPECTED) {
    await organisationFilter.selectOption({ label: describe(organisation) })
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText(text)
    await expect(rows.first()).toContainText(organisation.shortName)
  }
  await organisationFilter.selectOption({ label: describe(ORGANISATIONS.advice) })
  await expect(rows).toHaveCount(0)
})

test('an "Action:" line whose owner and date are read from its words says so on every surface', async ({
  accord,
}) => {
  const coalitionId = await createCoalition(accord)
  const { meeting } = await accord.chair.expect(
    201,
    'POST',
    `/api/coalitions/${coalitionId}/meetings`,
    { title: 'Steering group', date: '2025-03-06' },
  )
  const page = await accord.pageFor(accord.chair)
  const minutes = minutesPage(page)
  await minutes.open(meeting.id)
  // Thursday 6 March: "by Friday" is the 7th. Nothing is set on the node, only typed in it.
  const words = 'LTU to draft the eviction letter by Friday'
  await minutes.type(`Action: ${words}`)
  const action = minutes.editor.locator('[data-type="action-item"]')
  await expect(action).toHaveCount(1)
  await expect(action).toContainText(words)
  await minutes.expectSaved()

  // The header proposes what the words say, as the tracker (below) already files it.
  await expect(action.locator('.structured__people')).toHaveText('Owners: LTU (proposed)')
  await expect(action.locator('.structured__header')).toContainText('(proposed)')

  await untilTracked(accord, coalitionId, [words])
  await page.goto(`/c/${coalitionId}/tracker`)
  const rows = page.getByRole('table', { name: /Actions of the coalition/ }).locator('tbody tr')
  await page
    .getByRole('group', { name: 'Filter actions' })
    .getByLabel('Organisation')
    .selectOption({ label: describe(ORGANISATIONS.tenants) })
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(words)

  await minutes.open(meeting.id)
  expect(await wordExport(page)).toContain(
    `Action (LTU (proposed); due 7 Mar 2025 (proposed); open): ${words}`,
  )
})
