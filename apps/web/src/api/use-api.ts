import { useCallback, useEffect, useState } from 'react'

export type Loaded<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown }

/**
 * Runs an API call when `load` changes (wrap it in useCallback), on `retry` and on `refresh`.
 * The abort signal cancels a call whose answer nobody will read, e.g. after leaving the page.
 *
 * `retry` shows loading again; `refresh` keeps the current value on screen until the new one
 * arrives; `update` changes the loaded value in place after a change the server confirmed.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ status: 'ready', value })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error })
      },
    )
    return () => controller.abort()
  }, [load, attempt])

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])

  const refresh = useCallback(() => setAttempt((n) => n + 1), [])

  const update = useCallback((change: (value: T) => T) => {
    setState((current) =>
      current.status === 'ready' ? { status: 'ready', value: change(current.value) } : current,
    )
  }, [])

  return { state, retry, refresh, update }
}
