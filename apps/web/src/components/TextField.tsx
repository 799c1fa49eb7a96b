import { useId } from 'react'

interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'email' | 'password'
  autoComplete?: string
  hint?: string
  /** The id of the form's error message while one is shown, so the field points at it. */
  errorId?: string | undefined
  grow?: boolean
  placeholder?: string
  maxLength?: number
}

/** A labelled text input with an optional hint, in the form layout every page uses. */
export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  autoComplete = 'off',
  hint,
  errorId,
  grow = false,
  placeholder,
  maxLength,
}: TextFieldProps) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : null, errorId].filter(Boolean).join(' ')
  return (
    <div className={grow ? 'field field--grow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        aria-describedby={describedBy || undefined}
        placeholder={placeholder}
        maxLength={maxLength}
      />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  )
}
