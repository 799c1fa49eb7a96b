import type { Page } from '@playwright/test'
import type { Ledger } from '@accord/minutes/ledger'
import { expectNoSeriousViolations } from './support/accessibility.ts'
import { expect, test, type Accord } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

// Read with the meeting's date, Tuesday 4 March 2025: "Friday" is the 7th.
const CIRCULATE = 'ALC to circulate the paper by Friday'
const BOOK = 'ALC to book the venue by 14 March'

/** The action node's header in an editor (live or approved): owners, due chip, Confirm. */
function header(page: Page, words: string, minutes = minutesPage(page).editor) {
  const node = minutes.locator('[data-type="action-item"]').filter({ hasText: words })
  return {
    owners: node.locator('.structured__people'),
    due: node.getByRole('button', { name: /^Due date/ }),
    confirm: node.getByRole('button', { name: /^Confirm/ }),
  }
}

/** Waits for the server's projection to file the action in the ledger, proposals and all. */
async function expectInLedger(accord: Accord, text: string, flags: Record<string, boolean>) {
  await expect
    .poll(async () => {
      const ledger: Ledger = await accord.chair.expect(
        200,
        'GET',
        `/api/coalitions/${accord.coalitionId}/ledger`,
      )
      const action = ledger.actions.find((candidate) => candidate.text === text)
      return action && { ownersProposed: action.ownersProposed, dueProposed: action.dueProposed }
    })
    .toEqual(flags)
}

/**
 * A new meeting whose minutes hold one action typed with the / menu, its owners and date left
 * open on the node, once the ledger files it with them proposed; the chair's editor on it.
 */
async function meetingWithAction(accord: Accord, words: string) {
  const meetingId = await accord.createMeeting()
  const editorPage = await accord.pageFor(accord.chair)
  const minutes = minutesPage(editorPage)
  await minutes.open(meetingId)
  await minutes.typeAction(words)
  await minutes.expectSaved()
  await expectInLedger(accord, words, { ownersProposed: true, dueProposed: true })
  return { meetingId, editorPage }
}

function tracker(page: Page, accord: Accord) {
  const table = page.getByRole('table', { name: /Actions of the coalition/ })
  return {
    async open() {
      await page.goto(`/c/${accord.coalitionId}/tracker`)
      await expect(table).toBeVisible()
    },
    row(text: string) {
      const row = table.locator('tbody tr').filter({ has: page.getByRole('link', { name: text }) })
      return {
        row,
        owners: row.locator('.tracker-cell--owners summary'),
        due: row.getByLabel(`Due date of ${text}`),
        dueCell: row.locator('.tracker-cell--due'),
        confirm: row.getByRole('button', { name: /^Confirm/ }),
      }
    },
  }
}

function organisationPage(page: Page, accord: Accord) {
  const open = page.getByRole('region', { name: /^Open/ })
  return {
    async open() {
      await page.goto(`/c/${accord.coalitionId}/organisations/${accord.organisationId}`)
      await expect(open).toBeVisible()
    },
    item: (text: string) => open.getByRole('listitem').filter({ hasText: text }),
  }
}

test('owners and a date read from an action’s words say “(proposed)” in the editor, the tracker and the organisation page, until Confirm on the tracker', async ({
  accord,
}) => {
  const { meetingId, editorPage } = await meetingWithAction(accord, CIRCULATE)
  const inEditor = header(editorPage, CIRCULATE)
  await expect(inEditor.owners).toHaveText('Owners: ALC (proposed)')
  await expect(inEditor.due).toHaveText('Due Fri 7 Mar (proposed)')

  // The tracker files it under ALC, and says it is only proposed, in words.
  const trackerPage = await accord.pageFor(accord.chair)
  const view = tracker(trackerPage, accord)
  await view.open()
  const row = view.row(CIRCULATE)
  await expect(row.owners).toContainText('ALC (proposed)')
  await expect(row.due).toHaveValue('2025-03-07')
  await expect(row.due).toHaveAccessibleDescription('(proposed)')
  await expect(row.dueCell).toContainText('(proposed)')
  await expectNoSeriousViolations(trackerPage)

  // So does ALC's page.
  const orgPage = await accord.pageFor(accord.chair)
  const organisation = organisationPage(orgPage, accord)
  await organisation.open()
  await expect(organisation.item(CIRCULATE)).toContainText('Owners: ALC (proposed)')
  await expect(organisation.item(CIRCULATE)).toContainText('Due 7 March 2025 (proposed)')
  await expectNoSeriousViolations(orgPage)

  // One click on the tracker writes them into the minutes: set, not proposed, everywhere.
  await row.confirm.click()
  await expect(row.confirm).toHaveCount(0)
  await expect(row.owners).toContainText('ALC')
  await expect(row.row).not.toContainText('proposed')
  await expect(row.due).toHaveValue('2025-03-07')
  await expect(inEditor.owners).toHaveText('Owners: ALC')
  await expect(inEditor.due).toHaveText('Due Fri 7 Mar')
  await expect(inEditor.confirm).toHaveCount(0)
  await organisation.open()
  await expect(organisation.item(CIRCULATE)).toContainText('Due 7 March 2025')
  await expect(organisation.item(CIRCULATE)).not.toContainText('proposed')
  const structure = await accord.chair.expect(200, 'GET', `/api/meetings/${meetingId}/structure`)
  expect(structure.actions).toMatchObject([
    { owners: [accord.organisationId], due: '2025-03-07', dueText: 'Friday' },
  ])
})

test('Confirm in the editor takes “(proposed)” off the tracker and the organisation page', async ({
  accord,
}) => {
  const { editorPage } = await meetingWithAction(accord, BOOK)

  const trackerPage = await accord.pageFor(accord.chair)
  const view = tracker(trackerPage, accord)
  await view.open()
  await expect(view.row(BOOK).owners).toContainText('ALC (proposed)')
  await expect(view.row(BOOK).dueCell).toContainText('(proposed)')

  const inEditor = header(editorPage, BOOK)
  await inEditor.confirm.click()
  await expect(inEditor.owners).toHaveText('Owners: ALC')
  await minutesPage(editorPage).expectSaved()
  await expectInLedger(accord, BOOK, { ownersProposed: false, dueProposed: false })

  await view.open()
  await expect(view.row(BOOK).owners).toContainText('ALC')
  await expect(view.row(BOOK).row).not.toContainText('proposed')
  const organisation = organisationPage(trackerPage, accord)
  await organisation.open()
  await expect(organisation.item(BOOK)).toContainText('Due 14 March 2025')
  await expect(organisation.item(BOOK)).not.toContainText('proposed')
})

test('the approved version shows an unchanged action’s proposals as the minutes did', async ({
  accord,
}) => {
  const { meetingId } = await meetingWithAction(accord, CIRCULATE)
  await accord.chair.expect(200, 'POST', `/api/meetings/${meetingId}/approve`)
  const { versions } = await accord.chair.expect(200, 'GET', `/api/meetings/${meetingId}/versions`)

  const page = await accord.pageFor(accord.chair)
  await page.goto(`/meetings/${meetingId}/versions/${versions[0].id}`)
  const approved = page.getByRole('textbox', { name: 'Approved minutes' })
  const inVersion = header(page, CIRCULATE, approved)
  await expect(inVersion.owners).toHaveText('Owners: ALC (proposed)')
  await expect(inVersion.due).toHaveText('Due Fri 7 Mar (proposed)')
  // Nothing can be confirmed in a record: the minutes are approved.
  await expect(inVersion.confirm).toHaveCount(0)
})
