/**
 * Records the fixture the protocol fuzzer mutates (session.bin.gz beside this file): a real
 * y-websocket client, signed in as a member, types minutes into a meeting on the real server
 * for a few minutes of wall time, the way the editor's Yjs binding writes them (headings,
 * paragraphs, a bullet list, bold, typos fixed with backspace) and moves its cursor in
 * awareness as it goes. Every frame the client sends and receives is captured.
 *
 *   node --import tsx e2e/reliability/fuzz/record-session.ts [minutes]
 */
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { seedCoalition } from '@accord/server/testing'
import { MINUTES_FIELD } from '@accord/minutes'
import { waitFor } from '@accord/sync/testing'
import { startServerProcess } from '../../support/server-process.ts'
import { encodeRecording, type RecordedFrame } from './recording.ts'

const fixture = fileURLToPath(new URL('./session.bin.gz', import.meta.url))
const minutes = Number(process.argv[2] ?? 3)

const script = [
  ['heading', 'Fortnightly call, 4 March'],
  ['paragraph', 'Present: Owen (ALC, chair), Grace (FPCT), Tom (CNN), Hannah (CNN, observing).'],
  ['heading', '1. Winter pressures funding'],
  [
    'paragraph',
    'Grace reported that the council has confirmed the winter pressures grant for home care, ' +
      'but only until the end of March. Providers are worried about recruitment after that.',
  ],
  ['bullet', 'Tom to draft a letter to the cabinet member asking for a twelve month extension.'],
  ['bullet', 'Grace will share the provider survey results with everyone by Friday.'],
  ['heading', '2. Carers week'],
  [
    'paragraph',
    'We agreed to run a joint stall at the town hall on 12 June. Hannah asked whether observers ' +
      'can staff it; Owen said yes, as long as a member organisation is there too.',
  ],
  ['bullet', 'Owen to book the town hall foyer and confirm the date with the events team.'],
  ['paragraph', 'Decision: the coalition will publish a short statement on fair pay for care.'],
  ['heading', '3. Any other business'],
  ['paragraph', 'Next meeting on 18 March, online. Tom will chair as Owen is away.'],
] as const

async function main(): Promise<void> {
  const server = await startServerProcess()
  const frames: RecordedFrame[] = []
  try {
    const { member, meetingId } = await seedCoalition(server.url)
    const cookie = member.cookie!
    class RecordingSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie } })
        this.binaryType = 'arraybuffer'
        this.addEventListener('message', (event) => {
          if (event.data instanceof ArrayBuffer) {
            frames.push({ sent: false, bytes: new Uint8Array(event.data.slice(0)) })
          }
        })
      }
      override send(data: never, ...rest: never[]): void {
        frames.push({ sent: true, bytes: new Uint8Array(data as Uint8Array).slice() })
        ;(super.send as (...args: unknown[]) => void)(data, ...rest)
      }
    }
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(
      `${server.url.replace(/^http/, 'ws')}/sync`,
      meetingId,
      doc,
      {
        WebSocketPolyfill: RecordingSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    )
    await waitFor(() => provider.synced, { timeout: 10_000 })
    provider.awareness.setLocalStateField('user', { name: 'Tom', color: '#30bced' })

    const fragment = doc.getXmlFragment(MINUTES_FIELD)
    const keystrokes = script.reduce((sum, [, text]) => sum + text.length, 0)
    // Spread the typing over the requested wall time, as a person would type it.
    const pauseMs = (minutes * 60_000) / keystrokes
    const pause = (factor = 1) =>
      new Promise((resolve) => setTimeout(resolve, pauseMs * factor * (0.5 + Math.random())))
    let list: Y.XmlElement | null = null
    for (const [kind, text] of script) {
      const block = new Y.XmlElement(kind === 'bullet' ? 'paragraph' : kind)
      if (kind === 'heading') block.setAttribute('level', 2 as unknown as string)
      const yText = new Y.XmlText()
      block.insert(0, [yText])
      if (kind === 'bullet') {
        if (!list) {
          list = new Y.XmlElement('bulletList')
          fragment.insert(fragment.length, [list])
        }
        const item = new Y.XmlElement('listItem')
        item.insert(0, [block])
        list.insert(list.length, [item])
      } else {
        list = null
        fragment.insert(fragment.length, [block])
      }
      let i = 0
      for (const char of text) {
        // Names in bold, as a secretary marks who will do what; now and then a typo, fixed.
        const bold = /^(Tom|Grace|Owen|Hannah)/.test(text.slice(i)) ? { bold: {} } : undefined
        if (Math.random() < 0.02) {
          yText.insert(yText.length, 'x')
          await pause()
          yText.delete(yText.length - 1, 1)
        }
        yText.insert(yText.length, char, bold ?? {})
        i++
        const position = Y.createRelativePositionFromTypeIndex(yText, yText.length)
        const cursor = Y.relativePositionToJSON(position)
        provider.awareness.setLocalStateField('cursor', { anchor: cursor, head: cursor })
        await pause()
      }
      await pause(8)
    }
    await waitFor(() => frames.filter((f) => f.sent).length > 0)
    // Let the last acknowledgements and awareness renewals arrive before stopping.
    await new Promise((resolve) => setTimeout(resolve, 2000))
    provider.destroy()
    fs.writeFileSync(fixture, encodeRecording(frames))
    const sent = frames.filter((f) => f.sent).length
    console.log(`recorded ${frames.length} frames (${sent} sent) to ${fixture}`)
  } finally {
    await server.stop()
  }
}

await main()
// The websocket provider keeps timers of its own; the recording is written.
process.exit(0)
