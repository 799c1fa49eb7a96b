import { ApiError } from '../http/api-error.ts'

/**
 * Text typed by people has next to none; a picture, archive or PDF renamed .txt has one in
 * every few bytes. One in a hundred tells them apart and still lets a stray one through (an
 * escape code pasted from a terminal, DOS's end-of-file mark).
 */
const MAX_CONTROL_SHARE = 0.01

/**
 * The text of a .txt or .md file. A byte-order mark says UTF-8 or UTF-16 (little- or
 * big-endian, as Windows Notepad and Excel save "Unicode" text). Without one: UTF-8 if the bytes
 * are valid UTF-8, else Windows-1252, which Windows editors still save. Throws a 400
 * `corrupt_file` for a file that is no text: a NUL byte, UTF-16 cut short, or more control
 * characters than text has.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const text = decode(bytes, name)
  if (text.includes('\u0000') || controlShare(text) > MAX_CONTROL_SHARE) throw notText(name)
  return text
}

function decode(bytes: Uint8Array, name: string): string {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined
  if (utf16) {
    try {
      // The decoder drops the byte-order mark itself.
      return new TextDecoder(utf16, { fatal: true }).decode(bytes)
    } catch (error) {
      throw notText(name, error)
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/**
 * The share of control characters other than tab, line feed, vertical tab, form feed and
 * carriage return: C0, DEL and C1. A byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
 * 0x9D) decodes to a C1 character, so a file that is neither UTF-8 nor Windows-1252 counts too.
 */
function controlShare(text: string): number {
  let controls = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code <= 0x08 || (code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f)) {
      controls++
    }
  }
  return text.length === 0 ? 0 : controls / text.length
}

function notText(name: string, cause?: unknown): ApiError {
  return new ApiError(
    400,
    'corrupt_file',
    `"${name}" is not a text file. Save the minutes as plain text (UTF-8) or Markdown, or paste their text.`,
    { cause },
  )
}
