/**
 * Who this browser is in a meeting: a display name the person chooses once and a colour picked
 * for them, both kept in localStorage so every meeting and every tab shows them the same way.
 * Nothing here is an account; other people see exactly these two values through awareness.
 */

export interface Identity {
  /** Empty until the person has chosen a name. */
  name: string
  /** `#rrggbb`: the caret extension ignores any other colour format. */
  colour: string
}

export const NAME_KEY = 'accord:name'
export const COLOUR_KEY = 'accord:colour'
export const MAX_NAME_LENGTH = 40

/** Mid-tone colours that keep white label text above 4.5:1 contrast. */
export const PALETTE = [
  '#2563eb',
  '#047857',
  '#b45309',
  '#be185d',
  '#7c3aed',
  '#0e7490',
  '#b91c1c',
  '#4d7c0f',
  '#c2410c',
  '#4338ca',
] as const

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

export function isHexColour(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOUR.test(value)
}

export function cleanName(value: string): string {
  return value.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH)
}

/** Reads the identity, choosing and storing a colour the first time. Safe to call repeatedly. */
export function loadIdentity(): Identity {
  const name = cleanName(read(NAME_KEY) ?? '')
  let colour = read(COLOUR_KEY)
  if (!isHexColour(colour)) {
    colour = PALETTE[Math.floor(Math.random() * PALETTE.length)]!
    write(COLOUR_KEY, colour)
  }
  return { name, colour }
}

export function saveName(name: string): void {
  write(NAME_KEY, name)
}

// Storage can be blocked (privacy settings, some embedded browsers); the name then lasts until
// the tab closes rather than breaking the page.
function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // See read().
  }
}
