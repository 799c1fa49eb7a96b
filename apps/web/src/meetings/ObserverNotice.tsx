export function ObserverNotice() {
  return (
    <p className="notice notice--info" role="note">
      You are an observer: you can follow the minutes live but not edit them.
    </p>
  )
}
