import { describe, expect, it } from 'vitest'
import { headerRoles, inferRoles, splitCells } from './tables.ts'

describe('table rows', () => {
  it('splits rows rendered with en dashes, pipes or tabs', () => {
    expect(splitCells('Survey tenants – ACR – 3 July').map((c) => c.text)).toEqual([
      'Survey tenants',
      'ACR',
      '3 July',
    ])
    expect(splitCells('| Survey tenants | ACR |').map((c) => c.text)).toEqual([
      'Survey tenants',
      'ACR',
    ])
    expect(splitCells('Survey tenants\tACR').map((c) => c.text)).toEqual(['Survey tenants', 'ACR'])
  })

  it('names columns from a header row', () => {
    expect(headerRoles(splitCells('Task – Lead – Deadline'))).toEqual(['action', 'owner', 'due'])
    expect(headerRoles(splitCells('Rents – what we heard'))).toBeUndefined()
  })

  it('infers the roles of a row without a header from its cells', () => {
    const cells = splitCells('3 July – Survey older tenants on the estate – ACR')
    const roles = inferRoles(cells, {
      isOwners: (cell) => cell.text === 'ACR',
      isDate: (cell) => cell.text === '3 July',
    })
    expect(roles).toEqual(['due', 'action', 'owner'])
    expect(inferRoles(cells, { isOwners: () => false, isDate: () => false })).toBeUndefined()
  })
})
