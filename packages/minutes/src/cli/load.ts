import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { Node } from '@tiptap/pm/model'
import { z } from 'zod'
import { importMinutes } from '../import-minutes.ts'
import { minutesSchema } from '../schema.ts'
import type { ExtractContext } from '../extract/index.ts'
import { parseIsoDate } from '../dates/calendar.ts'

/** A problem with the command line's input, reported as one line and exit code 2. */
export class UsageError extends Error {}

const organisationsFile = z.object({
  coalition: z.string().optional(),
  organisations: z.array(
    z.object({
      name: z.string().min(1),
      short: z.string().default(''),
      aliases: z.array(z.string()).default([]),
    }),
  ),
  people: z
    .array(z.object({ name: z.string().min(1), organisation: z.string().min(1) }))
    .default([]),
})

/** The organisations file in the samples' format; ids are the organisations' names. */
export function loadContext(path: string, meetingDate: string): ExtractContext {
  if (!parseIsoDate(meetingDate)) throw new UsageError(`not a date (YYYY-MM-DD): ${meetingDate}`)
  let json: unknown
  try {
    json = JSON.parse(readText(path))
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`${path} is not JSON`)
  }
  const parsed = organisationsFile.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(
      `${path}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'malformed'}`,
    )
  }
  const { organisations, people, coalition } = parsed.data
  return {
    meetingDate,
    ...(coalition ? { coalitionName: coalition } : {}),
    organisations: organisations.map((o) => ({
      id: o.name,
      name: o.name,
      shortName: o.short,
      aliases: o.aliases,
    })),
    people: people.map((p) => ({ id: p.name, name: p.name, organisationId: p.organisation })),
  }
}

/** A .md or .txt minutes file as a document of the minutes schema. */
export function loadMinutes(path: string): Node {
  const extension = extname(path).toLowerCase()
  const format =
    extension === '.md' || extension === '.markdown'
      ? 'markdown'
      : extension === '.txt'
        ? 'text'
        : undefined
  if (!format)
    throw new UsageError(`unsupported file type "${extension || path}": give a .md or .txt file`)
  return minutesSchema().nodeFromJSON(importMinutes(readText(path), format))
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    throw new UsageError(`cannot read ${path}`)
  }
}
