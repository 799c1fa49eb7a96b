import { normaliseText } from './words.ts'

/**
 * The key of a suggestion: a hash of its kind and normalised text, so that it survives edits
 * elsewhere in the document, reloads and other machines, and a dismissal stored under it keeps
 * applying. 53 bits of cyrb53 make a collision between two suggestions of one meeting negligible.
 */
export function suggestionKey(kind: 'action' | 'ask' | 'decision', text: string): string {
  return `${kind}-${cyrb53(`${kind}\u0000${normaliseText(text)}`).toString(36)}`
}

/** Makes keys unique within one result: the second identical suggestion gets "~2", and so on. */
export function uniqueKeys<T extends { key: string }>(items: T[]): T[] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const count = (seen.get(item.key) ?? 0) + 1
    seen.set(item.key, count)
    return count === 1 ? item : { ...item, key: `${item.key}~${count}` }
  })
}

function cyrb53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
