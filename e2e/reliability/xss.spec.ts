/**
 * XSS: every payload of xss/payloads.json (well-known attacks, each calling a detector when it
 * runs) goes into a meeting's minutes three ways – written as raw Yjs updates by a member's own
 * client, before anyone opens the meeting and again while two members have it open, and pasted
 * into the editor as HTML and as text – and none may run in either member's editor or in any
 * export. Raw content the editor's schema cannot hold (foreign elements, handlers, unknown marks,
 * javascript: links) must be refused by the server (close 1007) and stored nowhere; the rest
 * carries the payloads in every text and attribute the schema has. Each place is also audited
 * for anything that could run on a click or hover, and must show every payload's marker: a
 * payload that vanished was not tested there.
 */
import type { Page } from '@playwright/test'
import { MINUTES_FIELD } from '@accord/minutes'
import { report } from './scale.ts'
import { expect, test, type Accord } from '../support/fixtures.ts'
import { minutesPage } from '../support/minutes-page.ts'
import { armDetectors, auditDom, type Execution } from './xss/detectors.ts'
import { loadPayloads, type Payload } from './xss/payloads.ts'
import { foreignWrites, writeRawPayloads } from './xss/raw-updates.ts'
import { renderExports } from './xss/render-exports.ts'

/** The text each payload is prefixed with, by how it was written: `R12:` etc. */
const RAW_BEFORE = 'R'
const RAW_LIVE = 'L'
const PASTED_HTML = 'P'
const PASTED_TEXT = 'T'
/** Foreign content the server must refuse: its marker must be nowhere. */
const REFUSED = 'F'

const payloads = loadPayloads()
const marked = (prefix: string) =>
  payloads.map((payload) => ({ ...payload, marker: `${prefix}${payload.id}:` }))

/** Payload ids whose marker of this prefix is missing from the text. */
function missing(text: string, prefix: string): number[] {
  return payloads.filter(({ id }) => !text.includes(`${prefix}${id}:`)).map(({ id }) => id)
}

class Checks {
  executions: Execution[] = []
  findings: string[] = []
  /** Payload × place pairs checked: the marker was there, nothing ran, the audit was clean. */
  checked = 0

  /** The page's text must hold every marker of these prefixes, and its DOM nothing runnable. */
  async inspect(page: Page, place: string, root: string, prefixes: string[]) {
    const text = await page.locator(root).innerText()
    expect(text, `${place}: refused content shows`).not.toContain(`${REFUSED}0:`)
    for (const prefix of prefixes) {
      const lost = missing(text, prefix)
      expect(lost, `${place}: payloads ${prefix}… missing`).toEqual([])
      this.checked += payloads.length
    }
    this.findings.push(
      ...(await page.evaluate(auditDom, root)).map((found) => `${place}: ${found}`),
    )
  }
}

/** One ClipboardEvent per payload, as HTML and as plain text, at the caret. */
function pasteAll(items: { html: string; text: string }[]) {
  const editor = document.querySelector('[aria-label="Minutes"]')!
  const paste = (type: string, data: string) => {
    const clipboard = new DataTransfer()
    clipboard.setData(type, data)
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true }))
  }
  for (const { html, text } of items) {
    paste('text/html', html)
    paste('text/plain', text)
  }
}

/** Loads every export in an armed page of the chair's and inspects it. */
async function inspectExports(
  accord: Accord,
  meetingId: string,
  checks: Checks,
  prefixes: string[],
  /** The minutes hold the payloads' actions and asks, so the ledger's exports do too. */
  ledger: boolean,
) {
  const rendered = await renderExports(accord.server.url, accord.chair.cookie!, {
    meetingId,
    coalitionId: accord.coalitionId,
    organisationId: accord.organisationId,
  })
  const page = await accord.pageFor(accord.chair)
  const context = page.context()
  let place = ''
  await armDetectors(context, checks.executions, () => place)
  for (const exported of rendered.filter((file) => !file.ledger || ledger)) {
    place = exported.place
    if (exported.url) await page.goto(exported.url)
    else await page.setContent(exported.html!)
    // Long enough for the load errors of any image or frame a payload slipped in to fire.
    await page.waitForTimeout(300)
    await checks.inspect(page, place, 'body', prefixes)
  }
  await context.close()
}

test('no XSS payload runs in another member’s editor or in any export', async ({ accord }) => {
  test.setTimeout(240_000)
  const started = Date.now()
  const lap = (what: string) => console.log(`xss: ${what} at ${Date.now() - started} ms`)
  expect(payloads.length).toBeGreaterThanOrEqual(200)
  expect(new Set(payloads.map((payload) => payload.payload)).size).toBe(payloads.length)
  const checks = new Checks()
  // Raw updates go into one meeting, pastes into another: a paste into minutes already holding
  // thousands of nodes would measure the editor's speed, not its safety.
  const rawMeeting = await accord.createMeeting('Raw updates')
  const pastedMeeting = await accord.createMeeting('Pasted')

  // 1. Content the schema cannot hold, one kind per update, each from a fresh connection: the
  // server closes it with 1007 and stores nothing of it.
  for (const { what, nodes } of foreignWrites(marked(REFUSED))) {
    const attacker = accord.chair.sync(rawMeeting)
    await attacker.synced()
    const closes: number[] = []
    attacker.provider.on('connection-close', (event) => event && closes.push(event.code))
    attacker.doc.getXmlFragment(MINUTES_FIELD).insert(0, nodes())
    await expect.poll(() => closes[0], { message: `${what} not refused` }).toBe(1007)
    attacker.destroy()
    checks.checked += payloads.length
  }
  const fresh = accord.chair.sync(rawMeeting)
  await fresh.synced()
  expect(fresh.doc.getXmlFragment(MINUTES_FIELD).length, 'refused content was stored').toBe(0)
  fresh.destroy()
  lap('foreign content refused')

  // 2. Raw updates before anyone opens the meeting: the exports read what no editor has touched.
  const writer = accord.chair.sync(rawMeeting)
  await writer.synced()
  writeRawPayloads(writer.doc, marked(RAW_BEFORE), accord.organisationId)
  await writer.saved()
  await expect
    .poll(
      async () =>
        (await accord.chair.expect(200, 'GET', `/api/coalitions/${accord.coalitionId}/ledger`))
          .actions.length,
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(payloads.length)
  await inspectExports(accord, rawMeeting, checks, [RAW_BEFORE], true)
  lap('raw updates and their exports')

  // 3. Two members open the other meeting, and one pastes every payload, as HTML and as text.
  const pasterPage = await accord.member('Paula')
  const readerPage = await accord.member('Rita')
  let stage = 'opening'
  await armDetectors(pasterPage.context(), checks.executions, () => `paster's editor, ${stage}`)
  await armDetectors(readerPage.context(), checks.executions, () => `reader's editor, ${stage}`)
  const paster = minutesPage(pasterPage)
  const reader = minutesPage(readerPage)
  await paster.open(pastedMeeting)
  await reader.open(pastedMeeting)
  stage = 'pasting'
  await paster.type('Pasted:')
  await pasterPage.evaluate(
    pasteAll,
    payloads.map(({ id, payload }) => ({
      html: `<p>${PASTED_HTML}${id}:</p>${payload}`,
      text: `${PASTED_TEXT}${id}: ${payload}`,
    })),
  )
  lap('pasted')
  await paster.expectSaved()
  await expect(reader.editor).toContainText(`${PASTED_TEXT}${payloads.length - 1}:`)
  // Long enough for the load errors of any image or frame a payload slipped in to fire.
  await readerPage.waitForTimeout(500)
  const editor = '[aria-label="Minutes"]'
  const pasted = [PASTED_HTML, PASTED_TEXT]
  await checks.inspect(readerPage, "reader's editor, pasted", editor, pasted)
  await checks.inspect(pasterPage, "paster's editor, pasted", editor, pasted)
  await inspectExports(accord, pastedMeeting, checks, pasted, false)
  lap('pasted payloads checked')

  // 4. Both open the raw meeting (every payload as stored), and the writer sends them all again
  // while they watch.
  stage = 'opening the raw updates'
  await Promise.all([openSlowly(pasterPage, rawMeeting), openSlowly(readerPage, rawMeeting)])
  lap('both opened the raw meeting')
  await expect(reader.editor).toContainText(`${RAW_BEFORE}${payloads.length - 1}:`)
  stage = 'raw updates arriving live'
  writeRawPayloads(writer.doc, marked(RAW_LIVE), accord.organisationId)
  await writer.saved()
  // About 1,800 nodes arriving in 11 updates while the editor is open: each one re-renders it.
  await expect(reader.editor).toContainText(`${RAW_LIVE}${payloads.length - 1}:`, {
    timeout: 60_000,
  })
  lap('live raw updates shown')
  await readerPage.waitForTimeout(500)
  const raw = [RAW_BEFORE, RAW_LIVE]
  await checks.inspect(readerPage, "reader's editor, raw", editor, raw)
  await checks.inspect(pasterPage, "paster's editor, raw", editor, raw)
  lap('raw updates in the editors')

  // The editors still work after all of it.
  stage = 'editing afterwards'
  await reader.type(' Still editable.')
  await reader.expectSaved()
  await expect(paster.editor).toContainText('Still editable.')
  writer.destroy()

  // 5. The exports again, after two editors have had the raw minutes open.
  await inspectExports(accord, rawMeeting, checks, raw, true)
  lap('exports after the editors')

  const executions = checks.executions.length
  report({
    test: 'xss',
    runs: 1,
    faults: payloads.length,
    checked: checks.checked,
    unit: 'payload checks',
    losses: executions,
    notes: `${categories(payloads)}; ${Math.round((Date.now() - started) / 1000)} s`,
  })
  expect(checks.executions, 'payloads that ran').toEqual([])
  expect(checks.findings, 'runnable things left in the DOM').toEqual([])
})

/**
 * Opens minutes holding thousands of hostile nodes: the server projects them (extractor and
 * ledger) when an editor first touches them, which takes longer than a person's meeting.
 */
async function openSlowly(page: Page, meetingId: string) {
  await page.goto(`/meetings/${meetingId}`)
  await expect(page.getByTestId('connection-status')).toHaveText('Connected', { timeout: 60_000 })
}

function categories(list: Payload[]): string {
  const counts = new Map<string, number>()
  for (const { category } of list) counts.set(category, (counts.get(category) ?? 0) + 1)
  return [...counts].map(([category, count]) => `${count} ${category}`).join(', ')
}
