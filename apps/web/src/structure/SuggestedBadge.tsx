/** Marks an item the server inferred from prose, as opposed to one written as an explicit node. */
export function SuggestedBadge() {
  return (
    <span className="structure-badge" title="Found in the text, not marked as an item">
      Suggested
    </span>
  )
}
