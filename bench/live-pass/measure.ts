/**
 * One run of W1: a fresh Accord server serving the built client, the minutes imported, a fresh
 * Chromium opening them; the cold pass, then a warm pass after each edit, each edit in another
 * paragraph; the model chunk's timing from the page's resource timing.
 */
import os from 'node:os'
import type { Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../../e2e/support/chromium.ts'
import { cpuSeconds, machineCpu } from '../proc.ts'
import { startServer } from '../servers.ts'
import { MODEL_CHUNK, type ClientBuild } from './client-build.ts'
import { importMeeting, type Minutes } from './minutes.ts'
import { installProbe, readTimings, type Pass, type PageTimings, type Probe } from './page-probe.ts'

/** The editor's User Timing measure (LIVE_PASS_MEASURE in suggestion-highlights.ts). */
export const MEASURE = 'accord:suggestions-pass'
/** Edits per run, each in another paragraph, spread evenly over the minutes. */
export const EDITS = 20
/** What each edit types at the end of its paragraph, key by key. */
export const EDIT_TEXT = ' Noted.'
/** The editor reads the minutes 250 ms after the last change (DEBOUNCE_MS); wait longer. */
const QUIET_MS = 750
const FIRST_PASS_TIMEOUT_MS = 60_000
const PASS_TIMEOUT_MS = 30_000

export interface Edit {
  /** Which paragraph (0-based, of the editor's top-level paragraphs). */
  paragraph: number
  /** Every pass that ran after the edit began: usually one, more if keys came > 250 ms apart. */
  passesMs: number[]
}

export interface LivePassRun {
  words: number
  paragraphs: number
  chromium: string
  /** The first pass: the model just loaded, no paragraph analysed yet. */
  coldMs: number
  edits: Edit[]
  /** Highlights on the page after the last edit. */
  highlights: number
  /** ms from navigation start, on the page's clock. */
  page: {
    firstContentfulPaintMs: number | null
    editorMs: number | null
    textMs: number | null
    /** The first pass's end: the first highlights. */
    coldPassEndMs: number
  }
  model: {
    file: string
    requestedMs: number
    receivedMs: number
    /** Request to last byte (resource timing duration). */
    fetchMs: number
    /** What crossed the network, headers included (the server does not compress). */
    transferBytes: number
    encodedBytes: number
  } | null
  /** Chunks the page fetched, by file name, in the order they were requested. */
  scripts: PageTimings['scripts']
  loadAverage: { start: number; end: number }
  /** CPU of every process outside this bench (server and Chromium included in ours). */
  otherCpuPercent: number
  stealPercent: number
  serverProblems: Record<string, number>
  serverExit: string
}

export async function measureLivePass(build: ClientBuild, minutes: Minutes): Promise<LivePassRun> {
  const loadStart = os.loadavg()[0]!
  const server = await startServer('accord', { env: { WEB_DIST: build.dist } })
  let run: Omit<LivePassRun, 'serverExit'>
  let serverExit: string
  try {
    const { meetingId, cookie } = await importMeeting(server.baseUrl, minutes)
    // Loaded only here, so the other scenarios never load Playwright.
    const { chromium } = await import('@playwright/test')
    const browser = await chromium.launch(chromiumLaunchOptions)
    try {
      const context = await browser.newContext({ baseURL: server.baseUrl })
      const [name, value] = cookie.split('=') as [string, string]
      await context.addCookies([{ name, value, url: server.baseUrl }])
      const page = await context.newPage()
      await page.addInitScript(installProbe, MEASURE)

      // Ours: this process and its children, the server and Chromium among them.
      const cpuStart = { ours: cpuSeconds(process.pid), machine: machineCpu(), at: Date.now() }
      const driven = await drive(page, meetingId)
      const cpuEnd = { ours: cpuSeconds(process.pid), machine: machineCpu(), at: Date.now() }
      const percent = (seconds: number) => (seconds / ((cpuEnd.at - cpuStart.at) / 1000)) * 100
      run = {
        words: minutes.words,
        chromium: browser.version(),
        ...driven,
        loadAverage: { start: loadStart, end: os.loadavg()[0]! },
        otherCpuPercent: percent(
          cpuEnd.machine.busy - cpuStart.machine.busy - (cpuEnd.ours - cpuStart.ours),
        ),
        stealPercent: percent(cpuEnd.machine.steal - cpuStart.machine.steal),
        serverProblems: server.problems(),
      }
    } finally {
      await browser.close()
    }
  } finally {
    serverExit = await server.stop()
  }
  return { ...run, serverExit }
}

type Driven = Omit<
  LivePassRun,
  | 'words'
  | 'chromium'
  | 'loadAverage'
  | 'otherCpuPercent'
  | 'stealPercent'
  | 'serverProblems'
  | 'serverExit'
>

/** Opens the meeting, waits for the cold pass, then edits paragraph after paragraph. */
async function drive(page: Page, meetingId: string): Promise<Driven> {
  const probe = () => page.evaluate(() => window.__livePass!) as Promise<Probe>
  await page.goto(`/meetings/${meetingId}`)
  const editor = page.getByRole('textbox', { name: 'Minutes' })
  await editor.waitFor({ state: 'visible' })
  await page.waitForFunction(() => window.__livePass!.passes.length > 0, undefined, {
    timeout: FIRST_PASS_TIMEOUT_MS,
  })
  await settle(page, 0)
  const cold = (await probe()).passes[0]!

  const paragraphs = editor.locator(':scope > p')
  const count = await paragraphs.count()
  const edits: Edit[] = []
  for (let i = 0; i < EDITS; i++) {
    const paragraph = Math.floor(((i + 1) * count) / (EDITS + 1))
    const before = await page.evaluate(() => performance.now())
    await paragraphs.nth(paragraph).click()
    await page.keyboard.press('End')
    await page.keyboard.type(EDIT_TEXT)
    await page.waitForFunction(
      (after) => window.__livePass!.passes.some((pass) => pass.startMs > after),
      before,
      { timeout: PASS_TIMEOUT_MS },
    )
    const passes = await settle(page, before)
    edits.push({ paragraph, passesMs: passes.map((pass) => pass.durationMs) })
  }

  const seen = await probe()
  const timings = await page.evaluate(readTimings)
  const highlights = await page.locator('.suggestion').count()
  const model = timings.scripts.find((script) => MODEL_CHUNK.test(script.file))
  return {
    paragraphs: count,
    coldMs: cold.durationMs,
    edits,
    highlights,
    page: {
      firstContentfulPaintMs: timings.firstContentfulPaintMs,
      editorMs: seen.editorMs,
      textMs: seen.textMs,
      coldPassEndMs: cold.startMs + cold.durationMs,
    },
    model: model
      ? {
          file: model.file,
          requestedMs: model.startMs,
          receivedMs: model.responseEndMs,
          fetchMs: model.durationMs,
          transferBytes: model.transferBytes,
          encodedBytes: model.encodedBytes,
        }
      : null,
    scripts: timings.scripts,
  }
}

/**
 * Waits until no pass has started for QUIET_MS (the editor's debounce is 250 ms), so every
 * pass an edit causes is counted; answers the passes that started after `after`.
 */
async function settle(page: Page, after: number): Promise<Pass[]> {
  for (;;) {
    await page.waitForTimeout(QUIET_MS)
    const { passes, now } = await page.evaluate(() => ({
      passes: window.__livePass!.passes,
      now: performance.now(),
    }))
    const last = passes.at(-1)
    if (!last || now - (last.startMs + last.durationMs) >= QUIET_MS) {
      return passes.filter((pass) => pass.startMs > after)
    }
  }
}
