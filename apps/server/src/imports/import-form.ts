import { newMeetingSchema } from '@accord/minutes'
import type { Context } from 'hono'
import { z } from 'zod'
import { ApiError } from '../http/api-error.ts'
import type { MinutesSource } from './minutes-source.ts'

/**
 * The import form's fields. A browser sends an empty file part when no file was chosen and an
 * empty string for an empty textarea; both count as not given.
 */
const importFormSchema = z
  .object({
    file: z
      .instanceof(File, { message: 'file must be a file upload' })
      .optional()
      .transform((file) => (file && (file.name !== '' || file.size > 0) ? file : undefined)),
    text: z
      .string({ message: 'text must be text' })
      .optional()
      .transform((text) => (text?.trim() ? text : undefined)),
    title: z
      .string({ message: 'title must be text' })
      .optional()
      .transform((title) => title?.trim() || undefined)
      .pipe(newMeetingSchema.shape.title.optional()),
    date: newMeetingSchema.shape.date,
  })
  .refine((form) => (form.file === undefined) !== (form.text === undefined), {
    message: 'give either a file or the pasted text of the minutes, not both',
  })

export interface ImportForm {
  source: MinutesSource
  title: string | undefined
  date: string
}

/** Reads and validates the multipart form of an import, or throws a 400 that says what to fix. */
export async function readImportForm(c: Context): Promise<ImportForm> {
  let data: FormData
  try {
    data = await c.req.formData()
  } catch (error) {
    throw new ApiError(400, 'invalid_request', 'The request body must be multipart/form-data.', {
      cause: error,
    })
  }
  const field = (name: string) => data.get(name) ?? undefined
  const parsed = importFormSchema.safeParse({
    file: field('file'),
    text: field('text'),
    title: field('title'),
    date: field('date'),
  })
  if (!parsed.success) {
    // The same message shape as JSON bodies get from parseBody.
    const message = parsed.error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
      .join('; ')
    throw new ApiError(400, 'invalid_request', message)
  }
  const { file, text, title, date } = parsed.data
  const source: MinutesSource = file
    ? { kind: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
    : { kind: 'pasted', text: text ?? '' }
  return { source, title, date }
}
