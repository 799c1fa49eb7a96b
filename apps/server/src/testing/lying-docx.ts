import { once } from 'node:events'
import zlib from 'node:zlib'
import { Document, Packer, Paragraph } from 'docx'
import JSZip from 'jszip'

export interface ZipEntry {
  name: string
  /** The entry's bytes as stored: deflated (method 8) or as they are (method 0). */
  stored: Uint8Array
  method: 0 | 8
  crc: number
  /** What the zip says the entry unpacks to: the truth, or a lie. */
  declaredSize: number
}

/**
 * A zip written by hand, so a test can make it say whatever it likes: each entry's local header
 * and central-directory record carry `declaredSize` as its unpacked size.
 */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const parts: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(entry.method, 8)
    local.writeUInt32LE(entry.crc >>> 0, 14)
    local.writeUInt32LE(entry.stored.length, 18)
    local.writeUInt32LE(entry.declaredSize, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(entry.method, 10)
    central.writeUInt32LE(entry.crc >>> 0, 16)
    central.writeUInt32LE(entry.stored.length, 20)
    central.writeUInt32LE(entry.declaredSize, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    parts.push(local, name, Buffer.from(entry.stored))
    directory.push(central, name)
    offset += local.length + name.length + entry.stored.length
  }
  const directoryBytes = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directoryBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...parts, directoryBytes, end]))
}

/** A real Word document of one paragraph, as Word-compatible software writes it. */
export async function realDocx(text = 'ALC will circulate the summary.'): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: [new Paragraph(text)] }] })
  return new Uint8Array(await Packer.toBuffer(document))
}

/**
 * A real .docx whose word/document.xml holds `unpackedBytes` of blank space (still valid XML)
 * while its local header and central directory both say it unpacks to what the real one did: a
 * few kilobytes. Deflated, 200 MB of one byte takes about 200 KB. Built in 1 MiB pieces, so the
 * test never holds the unpacked document itself.
 */
export async function lyingDocx(unpackedBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const zip = await JSZip.loadAsync(await realDocx())
  const entries: ZipEntry[] = []
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue
    const content = await file.async('nodebuffer')
    if (file.name !== 'word/document.xml') {
      const stored = zlib.deflateRawSync(content)
      const crc = zlib.crc32(content)
      entries.push({ name: file.name, stored, method: 8, crc, declaredSize: content.length })
      continue
    }
    const xml = content.toString('utf8')
    const cut = xml.lastIndexOf('</w:body>')
    const head = Buffer.from(xml.slice(0, cut))
    const tail = Buffer.from(xml.slice(cut))
    const blanks = Math.max(0, unpackedBytes - head.length - tail.length)
    const { stored, crc } = await deflatePadded(head, blanks, tail)
    entries.push({ name: file.name, stored, method: 8, crc, declaredSize: content.length })
  }
  return writeZip(entries) as Uint8Array<ArrayBuffer>
}

async function deflatePadded(head: Buffer, blanks: number, tail: Buffer) {
  const deflate = zlib.createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const done = once(deflate, 'end')
  const piece = Buffer.alloc(1024 * 1024, ' ')
  let crc = zlib.crc32(head)
  const write = async (chunk: Buffer) => {
    crc = zlib.crc32(chunk, crc)
    if (!deflate.write(chunk)) await once(deflate, 'drain')
  }
  await write(head)
  for (let left = blanks; left > 0; left -= piece.length) {
    await write(left >= piece.length ? piece : piece.subarray(0, left))
  }
  await write(tail)
  deflate.end()
  await done
  return { stored: new Uint8Array(Buffer.concat(out)), crc }
}
