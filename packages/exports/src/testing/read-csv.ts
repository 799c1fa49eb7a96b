/**
 * Reads CSV as the strictest common readers do (Python's csv module, LibreOffice): RFC 4180
 * quoting, and a record ends at CRLF, a bare LF or a bare CR outside quotes. Papaparse keeps to
 * one line ending per file, so a cell that hides a bare CR looks harmless to it.
 */
export function readCsvRecords(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char !== '"') cell += char
      else if (text[i + 1] === '"') cell += text[++i]
      else quoted = false
    } else if (char === '"' && cell === '') quoted = true
    else if (char === ',') {
      record.push(cell)
      cell = ''
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++
      records.push([...record, cell])
      record = []
      cell = ''
    } else cell += char
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell])
  return records
}
