import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from './api-error.ts'

/** Reads a JSON body and validates it, or throws a 400 that says what to fix. */
export async function parseBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body must be JSON.')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
      .join('; ')
    throw new ApiError(400, 'invalid_request', message)
  }
  return parsed.data
}
