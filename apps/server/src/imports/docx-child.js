// Converts one Word document to HTML with mammoth, in a process of its own (docx-to-html.ts
// starts it): the .docx arrives on stdin, the HTML leaves on stdout, and the exit code says
// what went wrong. A process, not a worker thread, because unpacking and parsing leave memory
// behind that only ending a process reliably gives back to the system. Plain JavaScript so it
// starts without the server's TypeScript loader.
//
//   argv[2]  the most bytes the files read from the zip may unpack to, all together
//   exit 0   HTML on stdout
//   exit 2   not a Word document mammoth can read (BROKEN)
//   exit 3   unpacking went past argv[2] (TOO_BIG)
import mammoth from 'mammoth'
import { openCappedZip, UnpackedTooMuch } from './capped-zip.js'

const BROKEN = 2
const TOO_BIG = 3

const maxUnpackedBytes = Number(process.argv[2])
const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const bytes = new Uint8Array(Buffer.concat(chunks))

try {
  const zip = openCappedZip(bytes, maxUnpackedBytes)
  // `file` hands mammoth the zip already opened: it reads every part through zip.read, so
  // nothing in it is unpacked uncounted (mammoth's own reader would trust the sizes).
  const result = await mammoth.convertToHtml(
    { file: zip },
    {
      externalFileAccess: false,
      // Minutes keep an image's alt text only; its bytes are never unpacked.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    },
  )
  process.stdout.write(result.value)
} catch (error) {
  // Anything but the limit – a BrokenZip, mammoth finding no word/document.xml or XML it
  // cannot parse – means this is no Word document Accord can read.
  process.stderr.write(`${error?.name}: ${error?.message}\n`)
  process.exitCode = error instanceof UnpackedTooMuch ? TOO_BIG : BROKEN
}
