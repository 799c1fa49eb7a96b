import os from 'node:os'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('the extraction settings', () => {
  it('default to one worker fewer than the cores, at most two, and ten seconds', () => {
    const config = loadConfig({})
    expect(config.extractWorkers).toBe(Math.min(2, Math.max(1, os.availableParallelism() - 1)))
    expect(config.extractTimeoutMs).toBe(10_000)
    expect(loadConfig({ EXTRACT_WORKERS: '4', EXTRACT_TIMEOUT_MS: '30000' })).toMatchObject({
      extractWorkers: 4,
      extractTimeoutMs: 30_000,
    })
  })

  it.each([
    [
      'EXTRACT_WORKERS',
      'two',
      /EXTRACT_WORKERS: give a whole number of worker threads from 1 to 64/,
    ],
    ['EXTRACT_WORKERS', '0', /EXTRACT_WORKERS: give a whole number of worker threads from 1 to 64/],
    ['EXTRACT_WORKERS', '1.5', /EXTRACT_WORKERS: give a whole number/],
    ['EXTRACT_WORKERS', '65', /EXTRACT_WORKERS: give a whole number/],
    [
      'EXTRACT_TIMEOUT_MS',
      '10s',
      /EXTRACT_TIMEOUT_MS: give a whole number of milliseconds from 100/,
    ],
    ['EXTRACT_TIMEOUT_MS', '50', /EXTRACT_TIMEOUT_MS: give a whole number of milliseconds/],
    // Past what a timer holds, Node would fire it at once and end every extraction.
    ['EXTRACT_TIMEOUT_MS', '3000000000', /EXTRACT_TIMEOUT_MS: give a whole number/],
  ])('refuses %s=%s with a message saying what to give', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message)
  })
})

describe('the caps on what one person can make', () => {
  it('default to 20 coalitions chaired, 5 demos and 100 meetings a day, 1,000 meetings a coalition', () => {
    expect(loadConfig({}).caps).toEqual({
      coalitionsPerPerson: 20,
      demosPerPersonPerDay: 5,
      meetingsPerPersonPerDay: 100,
      meetingsPerCoalition: 1000,
    })
  })

  it.each([
    [
      'MAX_COALITIONS_PER_PERSON',
      '0',
      /MAX_COALITIONS_PER_PERSON: give a whole number of coalitions from 1/,
    ],
    ['DEMOS_PER_PERSON_PER_DAY', 'five', /DEMOS_PER_PERSON_PER_DAY: give a whole number of demos/],
    [
      'MEETINGS_PER_PERSON_PER_DAY',
      '2.5',
      /MEETINGS_PER_PERSON_PER_DAY: give a whole number of meetings/,
    ],
    [
      'MAX_MEETINGS_PER_COALITION',
      '-1',
      /MAX_MEETINGS_PER_COALITION: give a whole number of meetings/,
    ],
  ])('refuses %s=%s with a message saying what to give', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message)
  })
})

describe('the sign-in limits', () => {
  it('default to 10 failures per account and address, 20 per account', () => {
    expect(loadConfig({}).rateLimits).toMatchObject({
      signInFailuresPerAccountAddress: 10,
      signInFailuresPerAccount: 20,
    })
  })
})
