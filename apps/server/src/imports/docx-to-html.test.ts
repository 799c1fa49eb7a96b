import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../http/api-error.ts'
import { lyingDocx, realDocx, writeZip } from '../testing/lying-docx.ts'
import { DOCX_LIMITS, docxToHtml } from './docx-to-html.ts'

/** A zip of one file, honest about its size, deflated or stored as it is. */
function zipOf(name: string, content: Buffer, method: 0 | 8 = 8): Uint8Array {
  const stored = method === 8 ? zlib.deflateRawSync(content) : content
  const crc = zlib.crc32(content)
  return writeZip([{ name, stored, method, crc, declaredSize: content.length }])
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('docxToHtml', () => {
  it('converts a real Word document', async () => {
    const html = await docxToHtml(await realDocx('ALC will circulate the summary.'), 'a.docx')
    expect(html).toBe('<p>ALC will circulate the summary.</p>')
  })

  it('refuses a small file that says it unpacks to more than the limit', async () => {
    const bomb = zipOf('word/document.xml', Buffer.alloc(60 * 1024 * 1024, 'a'))
    expect(bomb.length).toBeLessThan(200 * 1024)
    const error = await refusal(docxToHtml(bomb, 'bomb.docx'))
    expect(error.code).toBe('file_too_complex')
    expect(error.message).toMatch(/^This Word file \("bomb\.docx"\) expands to more than 50 MB/)
  })

  it('counts what it unpacks, not what the zip says: a lying file stops at the limit', async () => {
    const limits = { ...DOCX_LIMITS, maxUnpackedBytes: 1024 * 1024 }
    const error = await refusal(docxToHtml(await lyingDocx(4 * 1024 * 1024), 'lie.docx', limits))
    expect(error.code).toBe('file_too_complex')
    expect(error.message).toMatch(/expands to more than 1 MB when unpacked/)
    // Under the limit, the same kind of file converts: the limit is on bytes, not on lying.
    const html = await docxToHtml(await lyingDocx(512 * 1024), 'fine.docx', limits)
    expect(html).toBe('<p>ALC will circulate the summary.</p>')
  })

  it('counts files stored without compression too', async () => {
    const limits = { ...DOCX_LIMITS, maxUnpackedBytes: 1024 }
    const stored = zipOf('word/document.xml', Buffer.alloc(4096, ' '), 0)
    expect((await refusal(docxToHtml(stored, 'stored.docx', limits))).code).toBe('file_too_complex')
  })

  it('calls a zip without a Word document in it corrupt', async () => {
    const notWord = zipOf('hello.txt', Buffer.from('hello'))
    expect((await refusal(docxToHtml(notWord, 'hello.docx'))).code).toBe('corrupt_file')
  })

  it('ends a conversion past its time limit and refuses the file', async () => {
    const limits = { ...DOCX_LIMITS, maxMilliseconds: 1 }
    const error = await refusal(docxToHtml(await realDocx(), 'slow.docx', limits))
    expect(error.code).toBe('file_too_complex')
    expect(error.message).toMatch(/needs more time or memory to read than Accord gives/)
  })
})
