/** A form's error, announced as soon as it appears; inputs point at it with aria-describedby. */
export function FormError({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null
  return (
    <p id={id} className="form-error" role="alert">
      {message}
    </p>
  )
}
