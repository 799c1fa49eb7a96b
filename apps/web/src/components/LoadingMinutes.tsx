export function LoadingMinutes() {
  return (
    <p className="muted" role="status">
      Loading minutes…
    </p>
  )
}
