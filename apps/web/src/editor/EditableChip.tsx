import { useRef, useState } from 'react'

interface EditableChipProps {
  /** What the value is, e.g. "Due date": names the button and the input. */
  label: string
  /** What the chip shows. */
  text: string
  /** Shown beside the text and read out with it, e.g. "date not understood". */
  flag?: string | null
  /** The input's starting value. */
  value: string
  placeholder?: string
  className?: string
  editable: boolean
  onCommit: (text: string) => void
}

/**
 * A value in a node view's header that turns into a text input on click or Enter. Enter or
 * leaving the input saves, Escape cancels; focus returns to the chip after the keyboard.
 */
export function EditableChip({
  label,
  text,
  flag,
  value,
  placeholder,
  className = '',
  editable,
  onCommit,
}: EditableChipProps) {
  const [editing, setEditing] = useState(false)
  const chip = useRef<HTMLButtonElement>(null)
  // Enter and Escape end the edit before the input's blur: only the first ending counts.
  const ended = useRef(false)

  function start() {
    ended.current = false
    setEditing(true)
  }

  function end(typed: string | null, refocus: boolean) {
    if (ended.current) return
    ended.current = true
    setEditing(false)
    if (typed !== null && typed.trim() !== value.trim()) onCommit(typed)
    if (refocus) requestAnimationFrame(() => chip.current?.focus())
  }

  if (editing) {
    return (
      <input
        className={`chip-input ${className}`}
        aria-label={label}
        defaultValue={value}
        placeholder={placeholder}
        autoFocus
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            end(event.currentTarget.value, true)
          } else if (event.key === 'Escape') {
            event.preventDefault()
            end(null, true)
          }
        }}
        onBlur={(event) => end(event.currentTarget.value, false)}
      />
    )
  }
  return (
    <button
      ref={chip}
      type="button"
      className={`chip ${flag ? 'chip--flagged' : ''} ${className}`}
      aria-label={`${label}: ${text}${flag ? ` (${flag})` : ''}`}
      disabled={!editable}
      onClick={start}
    >
      {text}
      {flag && <span className="chip__flag">{flag}</span>}
    </button>
  )
}
