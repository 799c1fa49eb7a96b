import { useEffect, useId, useRef, type ReactNode } from 'react'
import { FormError } from '../components/FormError.tsx'
import './lifecycle.css'

interface ConfirmDialogProps {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  /** The change is on its way: both buttons wait for it. */
  pending: boolean
  error: string | null
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A modal confirmation on the native <dialog>: the browser traps focus inside it, makes the
 * rest of the page inert, closes it on Escape and returns focus to the button that opened it.
 * Cancel has the first focus, so Enter on a dialog that opened by mistake changes nothing.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const id = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // React's autoFocus acts when the element mounts, long before the dialog first opens.
      cancel.current?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        // Escape: the dialog stays under React's control, which closes it through `open`.
        event.preventDefault()
        if (!pending) onCancel()
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-text`}>{children}</div>
      <FormError message={error} />
      <div className="button-row confirm-dialog__buttons">
        <button type="button" className="button" onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </button>
        <button
          ref={cancel}
          type="button"
          className="button button--secondary"
          onClick={onCancel}
          disabled={pending}
        >
          Cancel
        </button>
      </div>
    </dialog>
  )
}
