import { describe, expect, it } from 'vitest'
import { nameForms } from './names.ts'

describe('nameForms', () => {
  it('gives the first name, surname and initials of a plain name', () => {
    expect(nameForms('Rosa Shah')).toEqual({
      full: 'Rosa Shah',
      first: 'Rosa',
      surname: 'Shah',
      initials: ['RS'],
    })
  })

  it('drops titles, post-nominals and bracketed nicknames', () => {
    expect(nameForms('Cllr Ada Lovelace MBE').full).toBe('Ada Lovelace')
    expect(nameForms('Dr. Sam (Samantha) Okoro').full).toBe('Sam Okoro')
  })

  it('writes initials as secretariats do: middle names, hyphens, Mc and Mac', () => {
    expect(nameForms('Ravi K Patel').initials).toEqual(['RP', 'RKP'])
    expect(nameForms('Nia Evans-Lloyd').initials).toEqual(['NEL'])
    expect(nameForms('Marie-Claire Dubois').initials).toEqual(['MCD', 'MD'])
    expect(nameForms('Rory McAllister').initials).toEqual(['RM', 'RMcA'])
    expect(nameForms('Fiona MacLeod').initials).toEqual(['FM', 'FMcL', 'FMacL'])
    expect(nameForms("Sean O'Neill").initials).toEqual(['SO', 'SON'])
  })

  it('gives no initials or first name to a single word', () => {
    expect(nameForms('Secretariat')).toEqual({
      full: 'Secretariat',
      first: null,
      surname: null,
      initials: [],
    })
  })
})
