// Minutes as a secretariat writes them in Word: a title, an attendance table with each person's
// organisation and initials, some prose, and an action log whose owners are those initials.
// Everyone in them is made up.
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx'

export interface Organisation {
  name: string
  shortName: string
}

export interface Attendee {
  name: string
  organisation: Organisation
  initials: string
}

export interface LoggedAction {
  text: string
  /** The owner's initials, as the log gives them. */
  owner: string
  due: string
}

export const ORGANISATIONS = {
  foodBank: { name: 'Riverside Food Bank', shortName: 'RFB' },
  tenants: { name: 'Larchmont Tenants Union', shortName: 'LTU' },
  kitchen: { name: 'Eastgate Community Kitchen', shortName: 'ECK' },
  /** A member of the coalition who sent no one. */
  advice: { name: 'Holloway Advice Centre', shortName: 'HAC' },
} satisfies Record<string, Organisation>

export const ATTENDEES: Attendee[] = [
  { name: 'Joan Ashby', organisation: ORGANISATIONS.foodBank, initials: 'JA' },
  { name: 'Luis Whitford', organisation: ORGANISATIONS.tenants, initials: 'LW' },
  { name: 'Mina Okoro', organisation: ORGANISATIONS.kitchen, initials: 'MO' },
]

export const ACTION_LOG: LoggedAction[] = [
  { text: 'Share the pantry referral figures with members', owner: 'JA', due: '14 March 2025' },
  {
    text: 'Draft a letter to the housing department about evictions',
    owner: 'LW',
    due: '21 March 2025',
  },
  { text: 'Book the hall for the April meeting', owner: 'MO', due: '28 March 2025' },
]

export const TITLE = 'Food Security Partnership – steering group'

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] })

function table(header: string[], rows: string[][]): Table {
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  })
}

/** The .docx file's bytes. */
export async function actionLogMinutes(): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: TITLE, heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Meeting held on 6 March 2025 at the Eastgate hall.'),
          new Paragraph({ text: 'Attendance', heading: HeadingLevel.HEADING_2 }),
          table(
            ['Name', 'Organisation', 'Initials'],
            ATTENDEES.map(({ name, organisation, initials }) => [
              name,
              organisation.name,
              initials,
            ]),
          ),
          new Paragraph({ text: 'Winter demand', heading: HeadingLevel.HEADING_2 }),
          new Paragraph(
            'The group reviewed winter demand at the pantries. Referrals have risen by a third ' +
              'since November, most of them from families in temporary housing.',
          ),
          new Paragraph({ text: 'Action log', heading: HeadingLevel.HEADING_2 }),
          table(
            ['Action', 'Owner', 'Due'],
            ACTION_LOG.map(({ text, owner, due }) => [text, owner, due]),
          ),
        ],
      },
    ],
  })
  return Buffer.from(await Packer.toBuffer(document))
}
