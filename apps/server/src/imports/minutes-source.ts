import { importMinutes } from '@accord/minutes/import'
import { ApiError } from '../http/api-error.ts'
import { docxToHtml } from './docx-to-html.ts'
import { htmlToMinutes, type MinutesJson } from './html-to-minutes.ts'

/** Where imported minutes come from: an uploaded file, or text pasted into the form. */
export type MinutesSource =
  { kind: 'file'; name: string; bytes: Uint8Array } | { kind: 'pasted'; text: string }

export interface ImportedMinutes {
  /** A minutes document, ProseMirror JSON in the minutes schema. */
  minutes: MinutesJson
  /** The text of the first heading, if the minutes have one. */
  heading: string | undefined
}

/** The file types an import accepts, by extension, as shown in the file picker. */
export const IMPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'] as const

/**
 * Reads minutes from a source: .txt and pasted text as plain text, .md and .markdown as
 * Markdown, .docx through mammoth's HTML. Throws a 400 ApiError for a file type not accepted
 * (`unsupported_file`), a file that cannot be read (`corrupt_file`) or minutes with no text
 * (`empty_minutes`).
 */
export async function readMinutesSource(source: MinutesSource): Promise<ImportedMinutes> {
  const minutes = await convert(source)
  if (!hasText(minutes)) {
    const what = source.kind === 'file' ? `"${source.name}" has` : 'The pasted minutes have'
    throw new ApiError(400, 'empty_minutes', `${what} no text to import.`)
  }
  return { minutes, heading: firstHeading(minutes) }
}

async function convert(source: MinutesSource): Promise<MinutesJson> {
  if (source.kind === 'pasted') return importMinutes(source.text, 'text')
  const { name, bytes } = source
  switch (extensionOf(name)) {
    case '.txt':
      return importMinutes(decodeText(bytes, name), 'text')
    case '.md':
    case '.markdown':
      return importMinutes(decodeText(bytes, name), 'markdown')
    case '.docx':
      return htmlToMinutes(await docxToHtml(bytes, name))
    default:
      throw new ApiError(
        400,
        'unsupported_file',
        `"${name}" is not a file Accord can import: use ${IMPORT_EXTENSIONS.join(', ')}, or paste the text.`,
      )
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}

/** The name of a file without its extension, for a title. */
export function baseName(name: string): string {
  const extension = extensionOf(name)
  return extension ? name.slice(0, -extension.length) : name
}

/**
 * Text files are UTF-8 these days, but Windows editors still save Windows-1252, whose bytes are
 * rarely valid UTF-8: try UTF-8 strictly, then fall back. A NUL byte means this is no text file.
 */
function decodeText(bytes: Uint8Array, name: string): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  if (text.includes('\u0000')) {
    throw new ApiError(400, 'corrupt_file', `"${name}" is not a text file.`)
  }
  return text
}

function hasText(node: MinutesJson): boolean {
  return (node.text ?? '').trim() !== '' || (node.content ?? []).some(hasText)
}

function textOf(node: MinutesJson): string {
  return (node.text ?? '') + (node.content ?? []).map(textOf).join('')
}

function firstHeading(minutes: MinutesJson): string | undefined {
  const heading = minutes.content?.find((node) => node.type === 'heading')
  const text = heading && textOf(heading).trim()
  return text || undefined
}
