import JSZip from 'jszip'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { expect, test } from './support/fixtures.ts'
import { minutesPage } from './support/minutes-page.ts'
import { expectNoSeriousViolations } from './support/accessibility.ts'
import { download } from './support/download.ts'

const MINUTES = 'The budget for 2025 was agreed.'
// Longer than the page's status poll (10 s): the member's page learns without a reload.
const NOTICED = { timeout: 15_000 }

/**
 * Sends one edit over a bare websocket carrying `cookie`, as a modified client could, and
 * resolves once the server has answered it with "permission denied" (y-protocols auth).
 */
async function sendRawEdit(serverUrl: string, cookie: string, meetingId: string, text: string) {
  const socket = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync/${meetingId}`, {
    headers: { cookie },
  })
  const doc = new Y.Doc()
  const frame = (type: number, payload: Uint8Array) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // sync
    encoding.writeVarUint(encoder, type)
    encoding.writeVarUint8Array(encoder, payload)
    return encoding.toUint8Array(encoder)
  }
  try {
    const refused = new Promise<void>((resolve, reject) => {
      socket.on('error', reject)
      socket.on('close', (code) => reject(new Error(`socket closed with ${code}`)))
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        const messageType = decoding.readVarUint(decoder)
        if (messageType === 2) return resolve()
        if (messageType !== 0 || decoding.readVarUint(decoder) !== 1) return
        // The server's step 2: the document as stored. Edit it and send the edit as an update.
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
        const before = Y.encodeStateVector(doc)
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(text)])
        doc.getXmlFragment('default').push([paragraph])
        socket.send(frame(2, Y.encodeStateAsUpdate(doc, before)))
      })
    })
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    socket.send(frame(0, Y.encodeStateVector(doc)))
    await refused
  } finally {
    socket.terminate()
    doc.destroy()
  }
}

const NOTICE = /These minutes were approved by Owen on .+; they are read-only\./

test('a chair approves the minutes: every open editor turns read-only, the server too', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const chairPage = await accord.pageFor(accord.chair)
  const chair = minutesPage(chairPage)
  await chair.open(meetingId)
  const memberPage = await accord.member('Mia')
  const member = minutesPage(memberPage)
  await member.open(meetingId)

  await chair.type(MINUTES)
  await chair.expectSaved()
  await member.expectText(MINUTES)
  await expect(chairPage.getByTestId('minutes-status')).toHaveText('Draft')
  // Only a chair approves.
  await expect(memberPage.getByRole('button', { name: 'Approve minutes' })).toHaveCount(0)

  await chairPage.getByRole('button', { name: 'Approve minutes' }).click()
  const dialog = chairPage.getByRole('alertdialog', { name: 'Approve the minutes?' })
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await expectNoSeriousViolations(chairPage)
  await chairPage.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(chairPage.getByRole('button', { name: 'Approve minutes' })).toBeFocused()
  await expect(chair.editor).toHaveAttribute('contenteditable', 'true')

  await chairPage.getByRole('button', { name: 'Approve minutes' }).click()
  await dialog.getByRole('button', { name: 'Approve minutes' }).click()
  await expect(dialog).toBeHidden()
  await expect(chairPage.getByTestId('minutes-status')).toHaveText('Approved')
  await expect(chair.editor).toHaveAttribute('contenteditable', 'false')
  await expect(chairPage.getByRole('status').filter({ hasText: NOTICE })).toBeVisible()

  // The member's open page notices without a reload.
  await expect(member.editor).toHaveAttribute('contenteditable', 'false', NOTICED)
  await expect(memberPage.getByRole('status').filter({ hasText: NOTICE })).toBeVisible()
  await expect(memberPage.getByTestId('minutes-status')).toHaveText('Approved')

  for (const [page, editor] of [
    [chairPage, chair],
    [memberPage, member],
  ] as const) {
    await editor.editor.click()
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.type(' Amended.')
    await editor.expectText(MINUTES)
  }

  // A client that ignores the read-only editor is refused by the server itself.
  const [session] = await memberPage.context().cookies()
  await sendRawEdit(accord.server.url, `${session!.name}=${session!.value}`, meetingId, 'Forged.')
  const fresh = minutesPage(await accord.pageFor(accord.chair))
  await fresh.open(meetingId)
  await fresh.expectText(MINUTES)
  await expect(fresh.editor).toHaveAttribute('contenteditable', 'false')

  await expectNoSeriousViolations(memberPage)

  // The approved version is listed, and opens read-only as it was approved.
  const versions = chairPage.getByRole('region', { name: 'Versions' })
  await expect(versions.getByRole('listitem')).toHaveCount(1)
  await expect(versions.getByRole('listitem')).toContainText('Approved by Owen')
  await versions.getByRole('link', { name: /View the minutes approved on/ }).click()
  await expect(chairPage).toHaveURL(new RegExp(`/meetings/${meetingId}/versions/.+`))
  const approved = chairPage.getByRole('textbox', { name: 'Approved minutes' })
  await expect(approved).toHaveText(MINUTES)
  await expect(approved).toHaveAttribute('contenteditable', 'false')
  await expectNoSeriousViolations(chairPage)
  const versionMarkdown = await download(chairPage, 'Markdown (.md)')
  expect(versionMarkdown.toString('utf8')).toContain(MINUTES)
})

test('a chair reopens approved minutes: every open editor can edit them again', async ({
  accord,
}) => {
  const meetingId = await accord.createMeeting()
  const chairPage = await accord.pageFor(accord.chair)
  const chair = minutesPage(chairPage)
  await chair.open(meetingId)
  await chair.type(MINUTES)
  await chair.expectSaved()
  await accord.chair.expect(200, 'POST', `/api/meetings/${meetingId}/approve`)
  await chair.open(meetingId)
  await expect(chair.editor).toHaveAttribute('contenteditable', 'false')

  // Opened while approved: read-only from the start.
  const memberPage = await accord.member('Mia')
  const member = minutesPage(memberPage)
  await member.open(meetingId)
  await expect(member.editor).toHaveAttribute('contenteditable', 'false')
  await expect(memberPage.getByRole('status').filter({ hasText: NOTICE })).toBeVisible()

  await chairPage.getByRole('button', { name: 'Reopen minutes' }).click()
  const reopen = chairPage.getByRole('alertdialog', { name: 'Reopen the minutes?' })
  await reopen.getByRole('button', { name: 'Reopen minutes' }).click()
  await expect(reopen).toBeHidden()
  await expect(chairPage.getByTestId('minutes-status')).toHaveText('Draft')
  await expect(chair.editor).toHaveAttribute('contenteditable', 'true')
  await expect(member.editor).toHaveAttribute('contenteditable', 'true', NOTICED)
  await expect(memberPage.getByText(NOTICE)).toHaveCount(0)
  await member.type(' Reopened.')
  await member.expectSaved()
  await chair.expectText(`${MINUTES} Reopened.`)
  await chair.type(' Noted.')
  await chair.expectSaved()
  await member.expectText(`${MINUTES} Reopened. Noted.`)
  const versions = chairPage.getByRole('region', { name: 'Versions' })
  await expect(versions.getByRole('listitem')).toHaveCount(2)
  await expect(versions.getByRole('listitem').nth(1)).toContainText('Reopened by Owen')
})

test('the minutes download as Word and Markdown from the meeting page', async ({ accord }) => {
  const meetingId = await accord.createMeeting()
  const page = await accord.pageFor(accord.chair)
  const minutes = minutesPage(page)
  await minutes.open(meetingId)
  await minutes.type(MINUTES)
  await minutes.expectSaved()

  const exports = page.getByRole('region', { name: 'Export the minutes' })
  await expect(exports.getByRole('link', { name: /Print view/ })).toHaveAttribute(
    'href',
    `/api/meetings/${meetingId}/export.html`,
  )
  await expect(exports.getByRole('link', { name: /Print view/ })).toHaveAttribute('rel', 'noopener')

  const docx = await JSZip.loadAsync(await download(page, 'Word (.docx)'))
  expect(await docx.file('word/document.xml')?.async('string')).toContain(MINUTES)
  expect((await download(page, 'Markdown (.md)')).toString('utf8')).toContain(MINUTES)
  await expectNoSeriousViolations(page)
})
