import type { z } from 'zod'
import { ApiError, errorFromBody } from './request.ts'

/**
 * Posts a form with a file, reporting how much of it has been sent (0–1) so a long upload
 * shows its progress: fetch() cannot tell, XMLHttpRequest can. The answer is validated with
 * `schema`, and errors are ApiErrors, exactly as with request().
 */
export function uploadForm<T extends z.ZodType>(
  path: string,
  form: FormData,
  schema: T,
  onProgress: (fraction: number) => void,
): Promise<z.output<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    })
    xhr.addEventListener('load', () => {
      let body: unknown
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = undefined
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = schema.safeParse(body)
        if (parsed.success) resolve(parsed.data)
        else reject(new ApiError(xhr.status, 'bad_answer', 'The server sent an unexpected answer.'))
      } else {
        reject(errorFromBody(xhr.status, body))
      }
    })
    xhr.addEventListener('error', () => reject(new TypeError('network error')))
    xhr.send(form)
  })
}
