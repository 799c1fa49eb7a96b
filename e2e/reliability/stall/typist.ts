import type { Client } from '@accord/sync/testing'

/**
 * Someone typing a line every `everyMs` in their own meeting, as the server's other users do
 * while it is under load, timing each "saved": from the first keystroke the editor did not
 * yet have acknowledged to the acknowledgement that covers it, which is how long the page
 * shows "Saving…".
 */
export class Typist {
  readonly lines: string[] = []
  /** One sample per acknowledgement, in ms. */
  readonly savedAfterMs: number[] = []
  private unsavedSince: number | undefined
  private readonly timer: NodeJS.Timeout
  private readonly stopWatching: () => void

  constructor(
    readonly client: Client,
    everyMs = 100,
  ) {
    this.stopWatching = client.saveStatus.onChange((saved) => {
      if (!saved || this.unsavedSince === undefined) return
      this.savedAfterMs.push(performance.now() - this.unsavedSince)
      this.unsavedSince = undefined
    })
    this.timer = setInterval(() => {
      const line = `typed line ${this.lines.length}`
      this.lines.push(line)
      this.unsavedSince ??= performance.now()
      client.text.insert(client.text.length, `${line}\n`)
    }, everyMs)
  }

  /** Stops typing; what was typed is still being saved. */
  stop(): void {
    clearInterval(this.timer)
  }

  /** How long the line typed now has been waiting for its "saved", 0 when nothing waits. */
  get waitingMs(): number {
    return this.unsavedSince === undefined ? 0 : performance.now() - this.unsavedSince
  }

  destroy(): void {
    this.stop()
    this.stopWatching()
    this.client.destroy()
  }
}
