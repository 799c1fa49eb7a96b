import { describe, expect, it } from 'vitest'
import { safeNextPath, withNext } from './next-path.ts'

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/invite/abc')).toBe('/invite/abc')
    expect(safeNextPath('/c/x/settings?tab=1')).toBe('/c/x/settings?tab=1')
  })

  it('refuses anything a browser could read as another site', () => {
    for (const value of [
      null,
      '',
      'https://evil.example',
      'evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeNextPath(value)).toBeNull()
    }
  })
})

describe('withNext', () => {
  it('encodes the path into the query', () => {
    expect(withNext('/sign-in', '/invite/a?b=c')).toBe('/sign-in?next=%2Finvite%2Fa%3Fb%3Dc')
    expect(withNext('/sign-up', null)).toBe('/sign-up')
  })
})
