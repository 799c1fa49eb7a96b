import { ApiError } from '../http/api-error.ts'

/** What a refused import is told to wait: an import of 5 MB takes a few seconds. */
export const IMPORT_RETRY_AFTER_SECONDS = 5

/**
 * How many imports run at once: one per person, and `atOnce` on the whole server. An import
 * holds an upload, possibly a converting process and the worker pool for seconds; past these
 * limits the server would only queue more of them behind each other, or run out of memory doing
 * them all. Refused imports are told when to try again (Retry-After).
 */
export class ImportLimits {
  private readonly running = new Set<string>()

  constructor(private readonly atOnce: number) {}

  /**
   * Takes a place for one import by `personId`, or throws: 429 `import_in_progress` while the
   * same person's previous import runs, 503 `imports_busy` while `atOnce` imports run. Call the
   * function returned once the import is done, whatever its outcome.
   */
  admit(personId: string): () => void {
    if (this.running.has(personId)) {
      throw refusal(
        429,
        'import_in_progress',
        'You are already importing minutes. Wait until that import has finished, then try again.',
      )
    }
    if (this.running.size >= this.atOnce) {
      throw refusal(
        503,
        'imports_busy',
        `The server is importing other minutes right now. Try again in a few seconds (about ${IMPORT_RETRY_AFTER_SECONDS}).`,
      )
    }
    this.running.add(personId)
    return () => this.running.delete(personId)
  }
}

function refusal(status: 429 | 503, code: string, message: string): ApiError {
  return new ApiError(status, code, message, {
    headers: { 'Retry-After': String(IMPORT_RETRY_AFTER_SECONDS) },
  })
}
