import type { Structure } from '@accord/minutes/structure'
import type { StructureChanges } from '@accord/sync/client'
import { useEffect, useState } from 'react'
import { getStructure } from './api.ts'

export type StructureState =
  | { status: 'loading' }
  | { status: 'ready'; structure: Structure }
  | { status: 'failed'; error: unknown }

/**
 * The meeting's structure, loaded once and again each time the server says it changed
 * (message 65). Answers can overtake each other: an older version never replaces a newer one,
 * and a failed refresh keeps what is on screen.
 */
export function useStructure(meetingId: string, changes: StructureChanges): StructureState {
  const [state, setState] = useState<StructureState>({ status: 'loading' })

  useEffect(() => {
    const controllers = new Set<AbortController>()
    const load = () => {
      const controller = new AbortController()
      controllers.add(controller)
      getStructure(meetingId, controller.signal)
        .then(
          (structure) =>
            setState((current) =>
              current.status === 'ready' && current.structure.version > structure.version
                ? current
                : { status: 'ready', structure },
            ),
          (error: unknown) => {
            if (controller.signal.aborted) return
            setState((current) =>
              current.status === 'ready' ? current : { status: 'failed', error },
            )
          },
        )
        .finally(() => controllers.delete(controller))
    }
    load()
    const stop = changes.onChange(load)
    return () => {
      stop()
      for (const controller of controllers) controller.abort()
    }
  }, [meetingId, changes])

  return state
}
