import { importMinutes } from '@accord/minutes/import'
import { ApiError } from '../http/api-error.ts'
import { decodeText } from './decode-text.ts'
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
 * Minutes in a form the import's worker parses (read-import.ts): plain data, to cross to it.
 * Text files travel as their bytes, so decoding them happens there too.
 */
export type MinutesInput =
  | { format: 'text' | 'markdown'; name: string; bytes: Uint8Array }
  | { format: 'pasted'; text: string }
  | { format: 'html'; name: string; html: string }

/**
 * On the server's thread: what kind of minutes a source holds, by extension – .txt as plain
 * text, .md and .markdown as Markdown, pasted text as plain text – and a .docx converted to
 * HTML in a process of its own (docx-to-html.ts). Throws a 400 ApiError for a file type not
 * accepted (`unsupported_file`) and for a .docx that cannot be read (docxToHtml).
 */
export async function prepareMinutes(source: MinutesSource): Promise<MinutesInput> {
  if (source.kind === 'pasted') return { format: 'pasted', text: source.text }
  const { name, bytes } = source
  switch (extensionOf(name)) {
    case '.txt':
      return { format: 'text', name, bytes }
    case '.md':
    case '.markdown':
      return { format: 'markdown', name, bytes }
    case '.docx':
      return { format: 'html', name, html: await docxToHtml(bytes, name) }
    default:
      throw new ApiError(
        400,
        'unsupported_file',
        `"${name}" is not a file Accord can import: use ${IMPORT_EXTENSIONS.join(', ')}, or paste the text.`,
      )
  }
}

/**
 * In the import's worker: the minutes document. Throws a 400 ApiError for a file that is not
 * text (`corrupt_file`, decodeText) or minutes with no text (`empty_minutes`).
 */
export function readMinutes(input: MinutesInput): ImportedMinutes {
  const minutes = parse(input)
  if (!hasText(minutes)) {
    const what = input.format === 'pasted' ? 'The pasted minutes have' : `"${input.name}" has`
    throw new ApiError(400, 'empty_minutes', `${what} no text to import.`)
  }
  return { minutes, heading: firstHeading(minutes) }
}

function parse(input: MinutesInput): MinutesJson {
  switch (input.format) {
    case 'pasted':
      return importMinutes(input.text, 'text')
    case 'text':
    case 'markdown':
      return importMinutes(decodeText(input.bytes, input.name), input.format)
    case 'html':
      return htmlToMinutes(input.html)
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
