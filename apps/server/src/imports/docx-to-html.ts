import mammoth from 'mammoth'
import { ApiError } from '../http/api-error.ts'

/**
 * The HTML of a Word document, by mammoth. Images are not read (minutes keep their alt text
 * only) and files the document links to are never opened. Anything mammoth cannot read – not a
 * zip, a zip without a Word document in it – is a 400 `corrupt_file`.
 */
export async function docxToHtml(bytes: Uint8Array, fileName: string): Promise<string> {
  // A .docx is a zip; check its signature first so random bytes fail fast and clearly.
  if (!startsWithZipSignature(bytes)) throw corruptFile(fileName)
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    )
    return result.value
  } catch (error) {
    throw corruptFile(fileName, error)
  }
}

function startsWithZipSignature(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

function corruptFile(fileName: string, cause?: unknown): ApiError {
  return new ApiError(
    400,
    'corrupt_file',
    `"${fileName}" could not be read as a Word document (.docx). Save it again from Word, or paste its text.`,
    { cause },
  )
}
