import { ApiError } from '../api/request.ts'

/** A file the server made, ready to save. */
export interface FetchedFile {
  blob: Blob
  /** From Content-Disposition, else the last part of the path. */
  filename: string
}

/**
 * Fetches a file from the API, reporting progress as a fraction (0–1) when the server says how
 * big it is, or `null` while it cannot tell. Errors come back as ApiError like every API call.
 */
export async function fetchFile(
  path: string,
  onProgress: (fraction: number | null) => void,
  signal?: AbortSignal,
): Promise<FetchedFile> {
  const response = await fetch(path, { signal })
  if (!response.ok) throw await errorOf(response)
  const total = Number(response.headers.get('Content-Length')) || 0
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  onProgress(total > 0 ? 0 : null)
  if (response.body) {
    const reader = response.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      onProgress(total > 0 ? Math.min(received / total, 1) : null)
    }
  }
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
  return { blob: new Blob(chunks, { type }), filename: filenameOf(response, path) }
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    { error?: { code?: unknown; message?: unknown } } | undefined
  const { code, message } = body?.error ?? {}
  return typeof code === 'string' && typeof message === 'string'
    ? new ApiError(response.status, code, message)
    : new ApiError(response.status, 'http_error', `The server answered ${response.status}.`)
}

/** The name the server gave the file (RFC 6266, UTF-8 form first), else the path's last part. */
export function filenameOf(response: Pick<Response, 'headers'>, path: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1]
  if (encoded) {
    try {
      return decodeURIComponent(encoded)
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1]
  return plain ?? decodeURIComponent(path.split('?')[0]!.split('/').pop() || 'download')
}

/** Hands the file to the browser's download. */
export function saveFile({ blob, filename }: FetchedFile): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
