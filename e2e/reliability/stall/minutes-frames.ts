import fs from 'node:fs'
import { MINUTES_FIELD } from '@accord/minutes'
import { encodeSyncMessage, SyncMessageType } from '@accord/sync'
import * as Y from 'yjs'
import { addParagraph } from '../../../apps/server/src/testing/minutes.ts'

/**
 * The frames an editor sends for minutes written or pasted in it: one y-websocket update
 * message per transaction, exactly the bytes y-websocket puts on the wire. Made ahead of the
 * run, so that building them does not take the cores the server is measured on; every frame
 * builds only on its own writer's earlier frames, so the room holds all it refers to.
 */
export interface WrittenMinutes {
  frames: Uint8Array[]
  bytes: number
}

/**
 * Writes `paragraphs` on a fresh editor, `perFrame` paragraphs to a transaction, then
 * `lastEdit`, if given, as a paragraph of its own at the very start: it comes last, so a
 * structure that shows it was read from the whole document, and it comes first in the
 * document, so it is among the items a structure keeps however long the document is.
 */
export function writeMinutes(
  paragraphs: readonly string[],
  perFrame: number,
  lastEdit?: string,
): WrittenMinutes {
  const doc = new Y.Doc()
  const frames: Uint8Array[] = []
  const record = (update: Uint8Array) =>
    frames.push(encodeSyncMessage(SyncMessageType.Update, update))
  doc.on('update', record)
  for (let start = 0; start < paragraphs.length; start += perFrame) {
    doc.transact(() => {
      for (const text of paragraphs.slice(start, start + perFrame)) addParagraph(doc, text)
    })
  }
  if (lastEdit !== undefined) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(lastEdit)])
    doc.getXmlFragment(MINUTES_FIELD).insert(0, [paragraph])
  }
  doc.off('update', record)
  doc.destroy()
  return { frames, bytes: frames.reduce((sum, frame) => sum + frame.byteLength, 0) }
}

const SYLLABLES = ['ba', 'co', 'di', 'fu', 'ga', 'he', 'ji', 'ko', 'lu', 'ma', 'ne', 'po', 'ri']

/** A made-up word for each number, all different: actions that are not the same action. */
export function wordFor(n: number): string {
  let word = ''
  do {
    word += SYLLABLES[n % SYLLABLES.length]
    n = Math.floor(n / SYLLABLES.length)
  } while (n > 0)
  return word
}

/**
 * The document: short paragraphs, each an action ("ALC will send … by Friday."), each
 * with words of its own, so that no two are taken for the same action said twice.
 */
export function actionParagraphs(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i
    return `ALC will send the ${wordFor(3 * n)} ${wordFor(3 * n + 1)} ${wordFor(3 * n + 2)} by Friday.`
  })
}

const SAMPLE = new URL('../../../apps/server/src/demo/samples/pay-campaign.txt', import.meta.url)

/** Real minutes (the demo's pay campaign notes), one entry per line that holds text. */
export function sampleParagraphs(): string[] {
  return fs
    .readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
}

/** A plain-text file of minutes of about `bytes` bytes: the sample again and again. */
export function longMinutesText(bytes: number): string {
  const sample = fs.readFileSync(SAMPLE, 'utf8')
  return sample.repeat(Math.ceil(bytes / sample.length)).slice(0, bytes)
}
