import type { Locator, Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/accessibility.ts'
import { expect, test, type Accord } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'

// Read with the meeting's date, Tuesday 4 March 2025: "Friday" is the 7th.
const STRONG = 'ALC will circulate the summary by Friday.'
const ALSO_STRONG = 'FPCT will draft the response by 14 March.'
/** The same kind of commitment, on a condition: the extractor is less sure of it. */
const WEAK = 'If the funding comes through, FPCT will draft the letter.'

async function addFairPayTrust(accord: Accord) {
  await accord.chair.expect(201, 'POST', `/api/coalitions/${accord.coalitionId}/organisations`, {
    name: 'Fair Pay for Care Trust',
    shortName: 'FPCT',
    aliases: [],
  })
}

/** Types paragraphs at the end of the minutes, one per line. */
async function typeParagraphs(page: Page, editor: Locator, paragraphs: string[]) {
  await editor.click()
  await page.keyboard.press('ControlOrMeta+End')
  for (const [i, paragraph] of paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter')
    await page.keyboard.type(paragraph)
  }
}

const decorationStyle = (highlight: Locator) =>
  highlight.evaluate((element) => getComputedStyle(element).textDecorationStyle)

test('strong and weak suggestions look different; Accept all lists the strong ones, then creates only them', async ({
  accord,
}) => {
  await addFairPayTrust(accord)
  const meetingId = await accord.createMeeting()
  const page = await accord.pageFor(accord.chair)
  const minutes = minutesPage(page)
  await minutes.open(meetingId)
  await typeParagraphs(page, minutes.editor, [STRONG, WEAK, ALSO_STRONG])

  // Highlighted differently, in shape and in words, not colour alone.
  const strong = minutes.editor.locator('.suggestion--strong')
  const weak = minutes.editor.locator('.suggestion--weak')
  await expect(strong).toHaveText([STRONG, ALSO_STRONG])
  await expect(weak).toHaveText([WEAK])
  expect(await decorationStyle(strong.first())).toBe('solid')
  expect(await decorationStyle(weak)).toBe('dotted')
  await expect(strong.first()).toHaveAttribute('title', /^Suggested action \(strong: /)
  await expect(weak).toHaveAttribute('title', /^Suggested action \(weak: .*conditional/)

  // The popover says which, and why.
  await weak.click()
  const popover = page.getByRole('dialog', { name: 'Suggested action, weak' })
  await expect(popover).toContainText('Weak: check it before accepting')
  await expect(popover).toContainText('conditional')
  await page.keyboard.press('Escape')
  await expect(popover).toBeHidden()

  // The button counts the strong ones; the confirmation lists exactly what will be created.
  const panel = page.getByRole('complementary', { name: 'Structure' })
  await expect(panel).toContainText('1 weak suggestion to review one by one')
  await panel.getByRole('button', { name: 'Accept 2 strong suggestions' }).click()
  const confirmation = page.getByRole('alertdialog', { name: 'Accept 2 strong suggestions?' })
  const listed = confirmation.getByRole('list', { name: 'To be created' }).getByRole('listitem')
  await expect(listed).toHaveCount(2)
  await expect(listed.nth(0)).toContainText(`Action: ${STRONG}`)
  await expect(listed.nth(0)).toContainText('Owners: Association of Local Councils')
  await expect(listed.nth(0)).toContainText('Due: 7 March 2025')
  await expect(listed.nth(1)).toContainText(`Action: ${ALSO_STRONG}`)
  await expect(listed.nth(1)).toContainText('Owners: Fair Pay for Care Trust')
  await expect(listed.nth(1)).toContainText('Due: 14 March 2025')
  await expect(confirmation).not.toContainText(WEAK)
  await expect(confirmation).toContainText('1 weak suggestion stays highlighted')
  await expectNoSeriousViolations(page)
  await confirmation.getByRole('button', { name: 'Create 2 items' }).click()
  await expect(confirmation).toBeHidden()

  // Only the strong ones became actions; the weak one is still there to judge.
  const actions = minutes.editor.locator('[data-type="action-item"]')
  await expect(actions).toHaveCount(2)
  await expect(actions.nth(0)).toContainText(STRONG)
  await expect(actions.nth(1)).toContainText(ALSO_STRONG)
  await expect(actions.nth(0).locator('.structured__people')).toHaveText('Owners: ALC')
  await expect(minutes.editor.locator('.suggestion')).toHaveCount(1)
  await expect(weak).toHaveText(WEAK)
  await expect(panel.getByRole('button', { name: /strong suggestion/ })).toHaveCount(0)
  const weakInPanel = panel.getByRole('listitem').filter({ hasText: 'draft the letter' })
  await expect(weakInPanel).toContainText('Suggested')
  await expect(weakInPanel).toContainText('Weak')
})

test("an action's words propose its owner and date in its header and the panel; Confirm writes them", async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const page = await accord.pageFor(accord.chair)
  const minutes = minutesPage(page)
  await minutes.open(meetingId)

  await minutes.typeAction('ALC to circulate the paper by Friday')

  const action = minutes.editor.locator('[data-type="action-item"]')
  const owners = action.locator('.structured__people')
  const due = action.getByRole('button', { name: /^Due date/ })
  await expect(owners).toHaveText('Owners: ALC (proposed)')
  await expect(due).toHaveText('Due Fri 7 Mar (proposed)')

  // The panel files it under its organisation, and says the same.
  const panel = page.getByRole('complementary', { name: 'Structure' })
  const group = panel
    .locator('.structure__group')
    .filter({ has: page.getByRole('heading', { name: 'Association of Local Councils' }) })
  await expect(group).toContainText('ALC to circulate the paper by Friday')
  await expect(group).toContainText('ALC (proposed)')
  await expect(group).toContainText('Due 7 March 2025 (proposed)')
  await expectNoSeriousViolations(page)

  await action.getByRole('button', { name: 'Confirm owner ALC and due date Fri 7 Mar' }).click()
  await expect(owners).toHaveText('Owners: ALC')
  await expect(due).toHaveText('Due Fri 7 Mar')
  await expect(action.getByRole('button', { name: /^Confirm/ })).toHaveCount(0)
  await expect(group).not.toContainText('proposed')
  await minutes.expectSaved()

  // Written into the node: another member's editor shows them as set, not proposed.
  const other = await accord.member('Tom')
  await minutesPage(other).open(meetingId)
  const theirs = minutesPage(other).editor.locator('[data-type="action-item"]')
  await expect(theirs.getByRole('button', { name: /^Due date/ })).toHaveText('Due Fri 7 Mar')
  await expect(theirs.locator('.structured__people')).toHaveText('Owners: ALC')
  const structure = await accord.chair.expect(200, 'GET', `/api/meetings/${meetingId}/structure`)
  expect(structure.actions).toMatchObject([
    { owners: [accord.organisationId], due: '2025-03-07', dueText: 'Friday' },
  ])
})
