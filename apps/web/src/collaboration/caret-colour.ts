/**
 * The colour of this browser's caret and presence dot, picked once and kept in localStorage so
 * every meeting and tab shows the person the same way. Names come from the account; the colour
 * is the one thing a client still chooses (the server keeps it if it is a valid `#rrggbb`).
 */

/** Same key as before accounts, so people keep the colour they had. */
export const COLOUR_KEY = 'accord:colour'

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

/** `#rrggbb`: the caret extension ignores any other colour format. */
export function isHexColour(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOUR.test(value)
}

/** Reads the colour, choosing and storing one the first time. Safe to call repeatedly. */
export function loadCaretColour(): string {
  const stored = read()
  if (isHexColour(stored)) return stored
  const colour = PALETTE[Math.floor(Math.random() * PALETTE.length)]!
  write(colour)
  return colour
}

// Storage can be blocked (privacy settings, some embedded browsers); the colour then lasts
// until the tab closes rather than breaking the page.
function read(): string | null {
  try {
    return localStorage.getItem(COLOUR_KEY)
  } catch {
    return null
  }
}

function write(value: string): void {
  try {
    localStorage.setItem(COLOUR_KEY, value)
  } catch {
    // See read().
  }
}
