import type { Context } from 'hono'
import { ApiError } from '../http/api-error.ts'

/** Media types of the files Accord exports. */
export const MEDIA_TYPES = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
} as const

export type FileFormat = keyof typeof MEDIA_TYPES

export interface ExportFile {
  /** The name without its extension, as people read it, e.g. "ŌC-commitments-2026-11-23". */
  name: string
  format: FileFormat
  content: string | Uint8Array
  /** `attachment` saves the file; `inline` shows it in the browser tab. */
  disposition?: 'attachment' | 'inline'
  headers?: Record<string, string>
}

/**
 * A file as the answer. Content-Length is always set (the web client shows download progress
 * from it), nothing is cached (exports carry the coalition's private minutes), and no browser
 * may guess a type other than the one given, as files hold text anyone in the coalition typed.
 */
export function sendFile(c: Context, file: ExportFile): Response {
  const bytes =
    typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content
  // The exporters' bytes are never backed by a SharedArrayBuffer, which is all the cast rules out.
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': MEDIA_TYPES[file.format],
    'Content-Length': String(bytes.byteLength),
    'Content-Disposition': contentDisposition(
      file.disposition ?? 'attachment',
      file.name,
      file.format,
    ),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...file.headers,
  })
}

/**
 * RFC 6266: an ASCII `filename` every client understands, and the real name as RFC 5987
 * `filename*`, which browsers prefer, so "Ōtautahi" survives where it can.
 */
export function contentDisposition(
  kind: 'attachment' | 'inline',
  name: string,
  extension: string,
): string {
  const safe = [...name.replace(UNSAFE_IN_NAMES, '-')].slice(0, MAX_NAME_LENGTH).join('')
  const ascii = `${asciiFilename(safe)}.${extension}`
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(`${safe}.${extension}`)}`
}

/** Characters of a file name before its extension; file systems allow 255 bytes. */
const MAX_NAME_LENGTH = 100

// Control characters, path separators and what Windows refuses in file names.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g

/** Letters without their accents, digits, dot, dash and underscore; anything else a dash. */
export function asciiFilename(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    // A leading dot would hide the file; a leading dash reads as an option in a shell.
    .replace(/^[-.]+|-+$/g, '')
  return ascii === '' ? 'download' : ascii
}

/** encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987's attr-char does not allow. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/**
 * The format asked for in a file name such as "commitments.csv": one of `formats`, else a 404
 * that lists them, since a mistyped extension is a missing file, not a malformed request.
 */
export function requestedFormat<F extends string>(
  file: string,
  stem: string,
  formats: readonly F[],
): F {
  const extension = file.slice(stem.length + 1)
  const format = formats.find((candidate) => candidate === extension)
  if (format === undefined) {
    throw new ApiError(
      404,
      'not_found',
      `"${extension}" is not a format of ${stem}; choose one of ${formats.join(', ')}.`,
    )
  }
  return format
}
