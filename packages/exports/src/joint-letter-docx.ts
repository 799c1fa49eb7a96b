// A joint letter as a Word document, for organisations that sign and send letters from Word.
import { Paragraph, TextRun } from 'docx'
import { formatDay } from './dates.ts'
import { NUMBERED_LIST, NUMBERING, packDocx, textRuns } from './docx-parts.ts'
import type { JointLetter } from './joint-letter.ts'
import { letterAddressee, NO_SIGNATORIES } from './joint-letter-text.ts'

export async function jointLetterDocx(letter: JointLetter): Promise<Uint8Array> {
  const labelled = (label: string, value: string) =>
    new Paragraph({
      children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
    })
  return packDocx({
    title: `Joint letter from ${letter.coalition.name}`,
    creator: 'Accord',
    numbering: NUMBERING,
    sections: [
      {
        children: [
          labelled('To', letterAddressee(letter)),
          labelled('From', letter.coalition.name),
          labelled('Date', letter.date ? formatDay(letter.date) : '__________'),
          new Paragraph(''),
          new Paragraph(`We, the undersigned members of ${letter.coalition.name}, ask:`),
          ...letter.asks.map(
            (ask) =>
              new Paragraph({
                children: textRuns(ask.text),
                numbering: { reference: NUMBERED_LIST, level: 0, instance: 1 },
              }),
          ),
          new Paragraph(''),
          new Paragraph({ children: [new TextRun({ text: 'Signed by', bold: true })] }),
          ...(letter.signatories.length > 0
            ? letter.signatories.map(
                (org) => new Paragraph({ text: org.name, bullet: { level: 0 } }),
              )
            : [new Paragraph(NO_SIGNATORIES)]),
        ],
      },
    ],
  })
}
