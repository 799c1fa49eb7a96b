import { loadEnglish, type Language } from '@accord/minutes/language'

export type LanguageStatus = 'idle' | 'loading' | 'ready' | 'failed'

/**
 * The English model the extractor reads the minutes with (wink-nlp's light web model, about
 * 1 MB gzipped). It is a chunk of its own, fetched once per page when first asked for – after
 * the editor is on screen – so nothing waits for it: until it is here there are simply no
 * suggestions or proposals. A failed fetch (a deploy replaced the chunk, the network dropped)
 * is tried again on the next request.
 */
export class LanguageLoader {
  private language: Language | null = null
  private loading: Promise<Language> | null = null
  private status: LanguageStatus = 'idle'
  private readonly listeners = new Set<() => void>()

  constructor(private readonly fetchLanguage: () => Promise<Language> = loadEnglish) {}

  /** The model, once loaded; null before. */
  current(): Language | null {
    return this.language
  }

  load(): Promise<Language> {
    if (this.language) return Promise.resolve(this.language)
    if (!this.loading) {
      this.setStatus('loading')
      this.loading = this.fetchLanguage().then(
        (language) => {
          this.language = language
          this.setStatus('ready')
          return language
        },
        (error: unknown) => {
          this.loading = null
          this.setStatus('failed')
          throw error
        },
      )
    }
    return this.loading
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getStatus = (): LanguageStatus => this.status

  private setStatus(status: LanguageStatus): void {
    this.status = status
    for (const listener of this.listeners) listener()
  }
}

/** The page's one English model, shared by every editor it opens. */
export const english = new LanguageLoader()

/**
 * Runs `task` once the browser has painted the next frame: requestAnimationFrame fires just
 * before a paint, and a task queued from there runs after it. Answers a cancel function.
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
