import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteStorage } from '../storage/sqlite/storage.ts'
import { seedChairedCoalition } from '../testing/seed-storage.ts'
import { loadMeetingContext } from './context.ts'

let dataDir: string | undefined
let storage: SqliteStorage | undefined

afterEach(() => {
  storage?.close()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

async function coalitionWithMeetings(dates: Record<string, string>) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-context-'))
  storage = new SqliteStorage(dataDir)
  await seedChairedCoalition(storage, { name: 'Northshire Care Coalition', meetingDates: dates })
  return storage
}

describe('a meeting context', () => {
  it('names the coalition and the date of its next meeting', async () => {
    const store = await coalitionWithMeetings({
      march: '2025-03-04',
      // Out of order, and a second meeting the same day: the next one is April's.
      may: '2025-05-06',
      april: '2025-04-01',
      marchAgain: '2025-03-04',
      february: '2025-02-04',
    })
    expect(await loadMeetingContext(store, 'march')).toEqual({
      meetingDate: '2025-03-04',
      coalitionName: 'Northshire Care Coalition',
      nextMeetingDate: '2025-04-01',
      organisations: [
        { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC', aliases: [] },
      ],
      people: [{ id: 'owen', name: 'Owen', organisationId: 'alc' }],
    })
  })

  it('has no next meeting after the last one, and no context for a meeting that is not there', async () => {
    const store = await coalitionWithMeetings({ march: '2025-03-04', february: '2025-02-04' })
    expect((await loadMeetingContext(store, 'march'))?.nextMeetingDate).toBeNull()
    expect(await loadMeetingContext(store, 'missing')).toBeUndefined()
  })
})
