/** Aliases are typed as one comma-separated line: "Shelter Cymru, Shelter Wales". */
export function parseAliases(text: string): string[] {
  return text
    .split(',')
    .map((alias) => alias.trim())
    .filter(Boolean)
}

export function formatAliases(aliases: readonly string[]): string {
  return aliases.join(', ')
}
