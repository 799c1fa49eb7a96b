import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readCsvRecords } from '@accord/exports/testing/read-csv'
import { minutesToUpdate } from '@accord/minutes/import'
import pino from 'pino'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition, type SeededCoalition } from '../testing/accord-client.ts'
import { actionNode, editMinutes, structureWhen } from '../testing/minutes.ts'

let server: RunningServer
let dataDir: string
let seed: SeededCoalition

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-csv-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
  )
  seed = await seedCoalition(server.url)
})

afterAll(async () => {
  await server?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

it("keeps a member's action text with hidden line breaks in one CSV record, defused", async () => {
  const { cnn } = seed.organisations
  const texts = [
    "Book the room\r=cmd|' /C calc'!A0",
    'Send the rota\n@SUM(1+1)',
    'Print the agenda',
  ]
  // Any member can type this: the bare CR arrives as a character of the action's text.
  await editMinutes(seed.member, seed.meetingId, (doc) =>
    Y.applyUpdate(
      doc,
      minutesToUpdate({
        type: 'doc',
        content: texts.map((text, i) => actionNode(`a-${i}`, text, { owners: [cnn] })),
      }),
    ),
  )
  await structureWhen(seed.member, seed.meetingId, (structure) => structure.actions.length === 3)

  const response = await fetch(
    `${server.url}/api/coalitions/${seed.coalitionId}/organisations/${cnn}/commitments.csv`,
    { headers: { cookie: seed.member.cookie! } },
  )
  expect(response.status).toBe(200)
  const csv = (await response.text()).replace(/^\uFEFF/, '')
  const records = readCsvRecords(csv)
  // The header and one record per action, each as wide as the header.
  expect(records).toHaveLength(4)
  expect(new Set(records.map((record) => record.length))).toEqual(new Set([records[0]!.length]))
  expect(
    records
      .slice(1)
      .map((record) => record[0])
      .sort(),
  ).toEqual(["Book the room\r'=cmd|' /C calc'!A0", 'Print the agenda', "Send the rota\n'@SUM(1+1)"])
  // However a reader splits lines, none of them starts a formula.
  expect(csv.split(/\r\n|\r|\n/).filter((line) => /^[=+\-@\t]/.test(line))).toEqual([])
})
