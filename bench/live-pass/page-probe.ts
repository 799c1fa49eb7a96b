/**
 * What W1 reads inside the page. `installProbe` runs before the page's own scripts (Playwright's
 * addInitScript): it keeps every live pass the editor records (the User Timing measure
 * LIVE_PASS_MEASURE of apps/web/src/suggestions/suggestion-highlights.ts, of which the page
 * itself keeps only the latest) and notes when the editor first appears and first holds text.
 * Both functions are serialised into the page, so they use nothing from outside themselves.
 */

/** One live pass: when it started and how long it took, ms on the page's clock. */
export interface Pass {
  startMs: number
  durationMs: number
}

export interface Probe {
  passes: Pass[]
  /** The minutes' editor element in the DOM; then with the minutes' text in it. */
  editorMs: number | null
  textMs: number | null
}

declare global {
  interface Window {
    __livePass?: Probe
  }
}

export function installProbe(measure: string): void {
  const probe: Probe = { passes: [], editorMs: null, textMs: null }
  window.__livePass = probe
  new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName(measure, 'measure')) {
      probe.passes.push({ startMs: entry.startTime, durationMs: entry.duration })
    }
  }).observe({ type: 'measure' })
  const editorWatch = new MutationObserver(() => {
    const editor = document.querySelector('[contenteditable][aria-label="Minutes"]')
    if (!editor) return
    probe.editorMs ??= performance.now()
    if ((editor.textContent ?? '').trim().length > 0) {
      probe.textMs = performance.now()
      editorWatch.disconnect()
    }
  })
  editorWatch.observe(document, { childList: true, subtree: true, characterData: true })
}

/** Resource timing of the page's scripts and the first contentful paint. */
export interface PageTimings {
  firstContentfulPaintMs: number | null
  scripts: {
    file: string
    startMs: number
    responseEndMs: number
    durationMs: number
    transferBytes: number
    encodedBytes: number
  }[]
}

export function readTimings(): PageTimings {
  const paint = performance
    .getEntriesByType('paint')
    .find((entry) => entry.name === 'first-contentful-paint')
  const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
    .map((entry) => ({
      file: new URL(entry.name).pathname.split('/').pop()!,
      startMs: entry.startTime,
      responseEndMs: entry.responseEnd,
      durationMs: entry.duration,
      transferBytes: entry.transferSize,
      encodedBytes: entry.encodedBodySize,
    }))
  return { firstContentfulPaintMs: paint?.startTime ?? null, scripts }
}
