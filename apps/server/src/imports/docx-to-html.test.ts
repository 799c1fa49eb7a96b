import { deflateRawSync } from 'node:zlib'
import { Document, Packer, Paragraph } from 'docx'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../http/api-error.ts'
import { declaredUnzippedBytes, docxToHtml } from './docx-to-html.ts'

/** A zip of one deflated file, built by hand: how small a file that unpacks huge can be. */
function zipOf(name: string, content: Buffer): Uint8Array {
  const data = deflateRawSync(content)
  const nameBytes = Buffer.from(name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(content.length, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(content.length, 24)
  central.writeUInt16LE(nameBytes.length, 28)
  const directoryOffset = local.length + nameBytes.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + nameBytes.length, 12)
  end.writeUInt32LE(directoryOffset, 16)
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]))
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ApiError)
  return (error as ApiError).code
}

describe('docxToHtml', () => {
  it('converts a real Word document, reading the sizes its zip declares', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('ALC will circulate the summary.')] }],
    })
    const bytes = new Uint8Array(await Packer.toBuffer(doc))
    expect(declaredUnzippedBytes(bytes)).toBeGreaterThan(bytes.length)
    expect(await docxToHtml(bytes, 'minutes.docx')).toContain('ALC will circulate the summary.')
  })

  it('refuses a small file that would unpack to more than the limit, before unpacking it', async () => {
    const bomb = zipOf('word/document.xml', Buffer.alloc(60 * 1024 * 1024, 'a'))
    expect(bomb.length).toBeLessThan(200 * 1024)
    expect(await refusal(docxToHtml(bomb, 'bomb.docx'))).toBe('file_too_complex')
  })

  it('calls a zip without a Word document in it corrupt', async () => {
    const notWord = zipOf('hello.txt', Buffer.from('hello'))
    expect(await refusal(docxToHtml(notWord, 'hello.docx'))).toBe('corrupt_file')
  })
})
