import { describe, expect, it } from 'vitest'
import { formatAliases, parseAliases } from './aliases.ts'

describe('aliases', () => {
  it('splits on commas and drops empty entries', () => {
    expect(parseAliases(' Shelter Cymru,, Shelter Wales , ')).toEqual([
      'Shelter Cymru',
      'Shelter Wales',
    ])
    expect(parseAliases('')).toEqual([])
  })

  it('formats back to the line a person typed', () => {
    expect(formatAliases(parseAliases('A,B'))).toBe('A, B')
  })
})
