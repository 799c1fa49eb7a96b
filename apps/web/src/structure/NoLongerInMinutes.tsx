/**
 * Said under a panel button (Accept, Confirm) whose item was gone when pressed: the panel shows
 * the server's last reading, and the minutes may have changed since.
 */
export function NoLongerInMinutes() {
  return (
    <p className="structure-flag" role="alert">
      No longer in the minutes as written: someone may have just changed it. Check it in the
      minutes, then try again.
    </p>
  )
}
