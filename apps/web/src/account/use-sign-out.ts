import { useState } from 'react'
import { useNavigate } from 'react-router'
import { errorMessage } from '../api/request.ts'
import { unsavedLocalCopies, type LocalCopy } from '../collaboration/local-copies.ts'
import { isSaving, waitForSaves } from '../collaboration/open-editors.ts'
import { useSession } from './session.ts'

/**
 * Long enough for an edit on its way to be committed on a slow connection; short enough that
 * someone leaving a shared computer does not walk away before sign-out has happened.
 */
const SAVE_WAIT_MS = 5000

export type SignOutStep = 'idle' | 'saving' | 'confirming' | 'signing-out'

/**
 * Signing out without losing edits silently: edits on their way to the server are waited for
 * (briefly), and if some still have not arrived – made offline, or the server is slow – the
 * person is asked, with the meetings named, before sign-out deletes them with every local copy.
 */
export function useSignOut() {
  const { state, signOut } = useSession()
  const navigate = useNavigate()
  const [step, setStep] = useState<SignOutStep>('idle')
  const [unsaved, setUnsaved] = useState<LocalCopy[]>([])
  const [error, setError] = useState<string | null>(null)
  const personId = state.status === 'signed-in' ? state.person.id : undefined

  /** `lost`: the unsaved copies the person agreed to lose, for the dialog to stay open on error. */
  async function finish(lost: LocalCopy[]) {
    setStep('signing-out')
    setError(null)
    try {
      await signOut()
    } catch (caught) {
      setError(errorMessage(caught))
      setStep(lost.length > 0 ? 'confirming' : 'idle')
      return
    }
    setStep('idle')
    // Pages that need a session go to sign in by themselves; this covers those that do not,
    // such as an invite.
    await navigate('/sign-in', { replace: true })
  }

  async function start() {
    if (!personId) return
    setError(null)
    if (isSaving(personId)) {
      setStep('saving')
      await waitForSaves(personId, SAVE_WAIT_MS)
    }
    const left = unsavedLocalCopies(personId)
    setUnsaved(left)
    if (left.length > 0) setStep('confirming')
    else await finish(left)
  }

  function cancel() {
    setStep('idle')
    setError(null)
  }

  return { step, unsaved, error, start, confirm: () => finish(unsaved), cancel }
}
