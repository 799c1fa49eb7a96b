import { useSyncExternalStore } from 'react'
import { LoadError } from '../components/LoadError.tsx'
import type { LanguageLoader } from './language-loader.ts'

/**
 * Why there are no suggestions yet: the language model they are read with (about 1 MB) is
 * still on its way, or could not be fetched. Without this a slow or failed fetch looks like
 * minutes with nothing to suggest.
 */
export function ModelStatus({ language }: { language: LanguageLoader }) {
  const status = useSyncExternalStore(language.subscribe, language.getStatus)
  if (status === 'loading') {
    return (
      <p className="muted" role="status">
        Loading suggestions…
      </p>
    )
  }
  if (status !== 'failed') return null
  return (
    <LoadError
      message="Suggestions could not be loaded. Try again, or reload the page if Accord has just been updated."
      // The highlights read the minutes as soon as the model is here (suggestion-highlights.ts).
      onRetry={() => void language.load().catch(() => undefined)}
    />
  )
}
