/** The server closed the editor's connection with 4403 and will not take it back. */
export function AccessChangedAlert() {
  return (
    <p className="notice notice--error" role="alert">
      Your access to this meeting has changed. Reload the page.
    </p>
  )
}
