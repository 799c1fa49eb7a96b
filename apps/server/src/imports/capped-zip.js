// Reads the files of a zip (a .docx) without trusting a word it says about sizes. Every byte
// unpacked is counted as it comes out of the inflater, across all files read, and unpacking
// stops at `maxUnpackedBytes`: a 2 MB upload whose directory under-declares its sizes can no
// longer unpack to gigabytes. Plain JavaScript: it runs in docx-child.js, a process started
// without the server's TypeScript loader. Its shape is the one mammoth reads a .docx through
// ({ exists, read }, mammoth's lib/zipfile.js).
import zlib from 'node:zlib'

const END_OF_DIRECTORY = 0x06054b50
const CENTRAL_HEADER = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const STORED = 0
const DEFLATED = 8

/** The zip is not one Accord can read: truncated, encrypted, or packed some other way. */
export class BrokenZip extends Error {
  name = 'BrokenZip'
}

/** Unpacking went past the limit: the zip holds more than it may. */
export class UnpackedTooMuch extends Error {
  name = 'UnpackedTooMuch'
}

/**
 * Opens the zip in `bytes`. `read(name, encoding)` unpacks one file (a Uint8Array, or text for
 * 'utf-8' and 'base64'); it rejects with UnpackedTooMuch once the files read so far would
 * unpack to more than `maxUnpackedBytes`, and with BrokenZip for what cannot be read.
 */
export function openCappedZip(bytes, maxUnpackedBytes) {
  const entries = readDirectory(bytes)
  let budget = maxUnpackedBytes
  const unpack = (name) => {
    const entry = entries.get(name)
    if (!entry) throw new BrokenZip(`no ${name} in the zip`)
    const data = entryData(bytes, entry)
    if (entry.method === STORED) {
      if (data.length > budget) throw new UnpackedTooMuch()
      budget -= data.length
      return data
    }
    let out
    try {
      // maxOutputLength makes zlib count the bytes it produces and stop past them, chunk by
      // chunk, so at most one chunk beyond the budget is ever held.
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) })
    } catch (error) {
      if (error?.code === 'ERR_BUFFER_TOO_LARGE') throw new UnpackedTooMuch()
      throw new BrokenZip(`cannot inflate ${name}: ${error?.message}`)
    }
    // zlib takes no limit below 1: with nothing left, even one byte is too many.
    if (out.length > budget) throw new UnpackedTooMuch()
    budget -= out.length
    return out
  }
  return {
    exists: (name) => entries.has(name),
    read: (name, encoding) =>
      new Promise((resolve) => {
        const data = unpack(name)
        if (encoding === 'base64') resolve(Buffer.from(data).toString('base64'))
        else if (encoding) resolve(new TextDecoder(encoding).decode(data))
        else resolve(new Uint8Array(data))
      }),
  }
}

/** The central directory: each file's name, packing, and where its header is. */
function readDirectory(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) throw new BrokenZip('no end of central directory')
  const count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  const entries = new Map()
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER) {
      throw new BrokenZip('a broken central directory')
    }
    const flags = view.getUint16(offset + 8, true)
    const nameLength = view.getUint16(offset + 28, true)
    const nameEnd = offset + 46 + nameLength
    if (nameEnd > bytes.length) throw new BrokenZip('a name past the end')
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, nameEnd))
    entries.set(name, {
      encrypted: (flags & 1) === 1,
      method: view.getUint16(offset + 10, true),
      packedSize: view.getUint32(offset + 20, true),
      localHeader: view.getUint32(offset + 42, true),
    })
    offset = nameEnd + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  return entries
}

/** The packed bytes of one file: after its local header, as long as the directory says. */
function entryData(bytes, entry) {
  if (entry.encrypted) throw new BrokenZip('an encrypted file')
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw new BrokenZip(`packing method ${entry.method}`)
  }
  const at = entry.localHeader
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw new BrokenZip('a broken local header')
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const end = start + entry.packedSize
  // A ZIP64 size (0xFFFFFFFF) or any other that runs past the file.
  if (end > bytes.length) throw new BrokenZip('a file past the end of the zip')
  return bytes.subarray(start, end)
}
