import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { describeStorage } from './open-storage.ts'

describe('choosing the storage', () => {
  it('is SQLite in DATA_DIR unless DATABASE_URL names a PostgreSQL database', () => {
    const sqlite = loadConfig({ DATA_DIR: '/var/accord' })
    expect(sqlite).toMatchObject({ databaseUrl: undefined, databaseSchema: 'public' })
    expect(describeStorage(sqlite)).toBe('SQLite in /var/accord')
    for (const scheme of ['postgres', 'postgresql']) {
      const config = loadConfig({ DATABASE_URL: `${scheme}://accord:secret@db:5432/accord` })
      expect(config.databaseUrl).toBe(`${scheme}://accord:secret@db:5432/accord`)
      // Logged at start, so without the password.
      expect(describeStorage(config)).toBe('PostgreSQL at db:5432/accord, schema public')
    }
  })

  it('refuses another kind of URL and a schema name that would need quoting', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/accord' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ DATABASE_SCHEMA: 'Accord' })).toThrow(/DATABASE_SCHEMA/)
    expect(() => loadConfig({ DATABASE_SCHEMA: 'a;drop' })).toThrow(/DATABASE_SCHEMA/)
    expect(loadConfig({ DATABASE_SCHEMA: 'accord_2' }).databaseSchema).toBe('accord_2')
  })
})
