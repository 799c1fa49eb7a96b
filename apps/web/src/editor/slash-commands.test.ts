import { describe, expect, it } from 'vitest'
import { matchSlashItems } from './slash-commands.ts'

describe('matchSlashItems', () => {
  it('filters the commands as the query is typed', () => {
    expect(matchSlashItems('').map((item) => item.type)).toEqual(['actionItem', 'ask', 'decision'])
    expect(matchSlashItems('as').map((item) => item.type)).toEqual(['ask'])
    expect(matchSlashItems('agreed').map((item) => item.type)).toEqual(['decision'])
    expect(matchSlashItems('dec').map((item) => item.type)).toEqual(['decision'])
    expect(matchSlashItems('x')).toEqual([])
  })
})
