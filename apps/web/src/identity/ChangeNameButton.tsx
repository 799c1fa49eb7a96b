import { useEffect, useRef, useState } from 'react'
import { NameForm } from './NameForm.tsx'

interface ChangeNameButtonProps {
  name: string
  onChange: (name: string) => void
}

/** A small button that opens a modal dialog to change the display name. */
export function ChangeNameButton({ name, onChange }: ChangeNameButtonProps) {
  const [open, setOpen] = useState(false)

  return (
    <>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => setOpen(true)}
      >
        Change name
      </button>
      {open && (
        <NameDialog
          name={name}
          onClose={() => setOpen(false)}
          onSubmit={(next) => {
            onChange(next)
            setOpen(false)
          }}
        />
      )}
    </>
  )
}

interface NameDialogProps {
  name: string
  onClose: () => void
  onSubmit: (name: string) => void
}

function NameDialog({ name, onClose, onSubmit }: NameDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)

  // showModal() gives the focus trap, Escape and the inert background that a plain
  // `open` attribute would not.
  useEffect(() => {
    const dialog = ref.current
    dialog?.showModal()
    return () => dialog?.close()
  }, [])

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="change-name-heading" onClose={onClose}>
      <h2 id="change-name-heading">Change your name</h2>
      <NameForm initialName={name} onSubmit={onSubmit} onCancel={onClose} />
    </dialog>
  )
}
