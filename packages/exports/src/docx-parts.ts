// Building blocks shared by the Word exports: text runs that keep line breaks, a plain table, a
// numbered-list definition, and packing a document into bytes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type IPropertiesOptions,
  type IRunOptions,
} from 'docx'

/** The reference of the numbered-list definition in `NUMBERING`. */
export const NUMBERED_LIST = 'accord-numbered'

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: NUMBERED_LIST,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
      })),
    },
  ],
}

/** The text as runs, a line break where it had one (a "\n" inside w:t shows as nothing). */
export function textRuns(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun[] {
  return text
    .split(/\r\n?|\n/)
    .map((line, i) => new TextRun({ ...options, text: line, ...(i > 0 ? { break: 1 } : {}) }))
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' }

/** A full-width table; its first `headerRows` rows repeat at the top of every page. */
export function simpleTable(rows: (Paragraph | Table)[][][], headerRows = 0): Table {
  const cell = (children: (Paragraph | Table)[]) =>
    new TableCell({
      // Word refuses a cell without a paragraph.
      children: children.length > 0 ? children : [new Paragraph('')],
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, i) => new TableRow({ tableHeader: i < headerRows, children: cells.map(cell) }),
    ),
  })
}

/** Header cells: each title in bold. */
export const headerCells = (titles: string[]) =>
  titles.map((title) => [new Paragraph({ children: [new TextRun({ text: title, bold: true })] })])

/** The .docx file's bytes. */
export async function packDocx(options: IPropertiesOptions): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(new Document(options)))
}
