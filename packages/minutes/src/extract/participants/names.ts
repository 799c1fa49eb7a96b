/**
 * The ways minutes refer to a person: full name, first name, "Cllr Okoro", and initials as
 * secretariats write them ("JA" for Joan Ashby, "DMcK" for Dan McKay, "IHW" for Iris
 * Hale-Ward, "LBW" or "LW" for Li B Wei).
 */
export interface NameForms {
  /** The name without titles, post-nominals or bracketed nicknames: "Cllr Jo Bloggs MBE" → "Jo Bloggs". */
  full: string
  /** The given name, when the name has a surname too. */
  first: string | null
  surname: string | null
  /** Capital-letter initials, two letters or more, most likely first. */
  initials: string[]
}

export const TITLES = new Set(
  'mr mrs ms miss mx dr prof professor cllr councillor pc sgt ds di dci supt insp rev revd sir dame lord lady baroness baron hon rt'.split(
    ' ',
  ),
)
const POST_NOMINALS = new Set(
  'mp myp msp ms am mbe obe cbe kbe dbe qc kc phd jp dl frs bem'.split(' '),
)

function bare(word: string): string {
  return word.replace(/[.,]/g, '').toLowerCase()
}

/** The words of a name, titles, post-nominals and "(nicknames)" dropped. */
export function nameWords(name: string): string[] {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
  while (words.length > 1 && TITLES.has(bare(words[0]!))) words.shift()
  while (words.length > 1 && POST_NOMINALS.has(bare(words.at(-1)!)) && isUpper(words.at(-1)!))
    words.pop()
  return words
}

function isUpper(word: string): boolean {
  return word === word.toUpperCase()
}

/** "MacKay" → ["M", "McK", "MacK"]; "Hale-Ward" → ["HW"]; "O'Brien" → ["O", "OB"]. */
function surnameInitials(word: string): string[] {
  const parts = word.split('-').filter((p) => p !== '')
  if (parts.length > 1) return [parts.map((p) => p[0]!.toUpperCase()).join('')]
  const mac = /^(Ma?c)(\p{Lu})/u.exec(word)
  if (mac) return [word[0]!, `Mc${mac[2]}`, `${mac[1]}${mac[2]}`]
  const apostrophe = /^(\p{Lu})['’](\p{Lu})/u.exec(word)
  if (apostrophe) return [apostrophe[1]!, `${apostrophe[1]}${apostrophe[2]}`]
  return [word[0]!.toUpperCase()]
}

function givenInitials(word: string): string[] {
  const parts = word.split('-').filter((p) => p !== '')
  const all = parts.map((p) => p[0]!.toUpperCase()).join('')
  return all.length > 1 ? [all, all[0]!] : [all]
}

export function nameForms(name: string): NameForms {
  const words = nameWords(name)
  const full = words.join(' ')
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w))
  if (words.length < 2 || capitalised.length < 2) {
    return { full, first: null, surname: null, initials: [] }
  }
  const given = words[0]!
  const surname = words.at(-1)!
  const middles = words.slice(1, -1).filter((w) => /^\p{Lu}/u.test(w))
  const middleInitials = middles.map((w) => w[0]!).join('')
  const initials: string[] = []
  for (const g of givenInitials(given)) {
    for (const s of surnameInitials(surname)) {
      initials.push(`${g}${s}`)
      if (middleInitials) initials.push(`${g}${middleInitials}${s}`)
    }
  }
  return {
    full,
    first: /^\p{Lu}\p{Ll}/u.test(given) && !given.endsWith('.') ? given : null,
    surname: /^\p{Lu}/u.test(surname) ? surname : null,
    initials: [...new Set(initials)].filter((i) => i.length >= 2),
  }
}
