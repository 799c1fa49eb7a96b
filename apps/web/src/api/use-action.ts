import { useCallback, useState } from 'react'
import { errorMessage } from './request.ts'

/**
 * Runs a change on the server and keeps the sentence to show if it fails. `pending` disables
 * the button that started it, so a double click cannot send the same change twice.
 */
export function useAction() {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setPending(true)
    setError(null)
    try {
      await action()
      return true
    } catch (caught) {
      setError(errorMessage(caught))
      return false
    } finally {
      setPending(false)
    }
  }, [])

  return { run, pending, error, setError }
}
