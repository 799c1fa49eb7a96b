/**
 * Who may do what to a meeting's minutes, over the websocket and the API: the specification
 * the access-matrix test holds the real server to. It is written out by hand from the README
 * ("People, coalitions and permissions"), packages/coalition/src/roles.ts and PROTOCOL.md, not
 * computed from `can()`, so a change to the rules shows up here as a failing cell.
 *
 * Who:
 *   chair, secretariat, member, observer – the four roles of coalition A;
 *   outsider        – signed in, a member of no coalition;
 *   other coalition – the chair of coalition B, a stranger to A;
 *   signed out      – no session cookie at all.
 * Documents:
 *   draft    – a meeting of A whose minutes are still being written;
 *   approved – a meeting of A whose minutes the chair approved (read-only for everyone);
 *   B's      – a meeting of coalition B.
 * Messages, over /sync/:id:
 *   connect   – the upgrade: "open" (greeted with the server's sync step 1) or the close code;
 *   step 1    – the client's sync step 1: "served" is a step 2 holding the minutes;
 *   step 2    – a sync step 2 carrying a new paragraph;
 *   update    – a sync update carrying a new paragraph;
 *     "stored":  acknowledged (saved), seen by another editor, and in storage afterwards;
 *     "dropped": the socket stays open but nothing is stored or passed on (an update is
 *                answered "permission denied");
 *     "refused": the socket was closed at connect, so nothing is read, stored or passed on;
 *   awareness – presence: "stamped" is shown to others with the account's own name,
 *               organisation and role, whatever the client claimed; "refused" is never shown.
 * Over HTTP, the status:
 *   read   – GET /api/meetings/:id
 *   write  – PATCH /api/meetings/:id (the title; creating meetings and changing them is the
 *            chair's and secretariat's; approved meetings stay as approved: 409)
 *   export – GET /api/meetings/:id/export.md
 */
export const PEOPLE = [
  'chair',
  'secretariat',
  'member',
  'observer',
  'outsider',
  'other coalition',
  'signed out',
] as const
export type Person = (typeof PEOPLE)[number]

export const DOCUMENTS = ['draft', 'approved', "B's"] as const
export type Document = (typeof DOCUMENTS)[number]

export type Connect = 'open' | 'close 4404' | 'close 4401'
export type Step1 = 'served' | 'refused'
export type Write = 'stored' | 'dropped' | 'refused'
export type Awareness = 'stamped' | 'refused'

export interface Decisions {
  connect: Connect
  step1: Step1
  step2: Write
  update: Write
  awareness: Awareness
  read: number
  write: number
  export: number
}

type Row = [Person, Document, Connect, Step1, Write, Write, Awareness, number, number, number]

// prettier-ignore
const ROWS: Row[] = [
  // who               document    connect        step 1     step 2     update     awareness  read  write  export
  ['chair',            'draft',    'open',        'served',  'stored',  'stored',  'stamped', 200,  200,   200],
  ['chair',            'approved', 'open',        'served',  'dropped', 'dropped', 'stamped', 200,  409,   200],
  ['chair',            "B's",      'close 4404',  'refused', 'refused', 'refused', 'refused', 404,  404,   404],
  ['secretariat',      'draft',    'open',        'served',  'stored',  'stored',  'stamped', 200,  200,   200],
  ['secretariat',      'approved', 'open',        'served',  'dropped', 'dropped', 'stamped', 200,  409,   200],
  ['secretariat',      "B's",      'close 4404',  'refused', 'refused', 'refused', 'refused', 404,  404,   404],
  ['member',           'draft',    'open',        'served',  'stored',  'stored',  'stamped', 200,  403,   200],
  ['member',           'approved', 'open',        'served',  'dropped', 'dropped', 'stamped', 200,  403,   200],
  ['member',           "B's",      'close 4404',  'refused', 'refused', 'refused', 'refused', 404,  404,   404],
  ['observer',         'draft',    'open',        'served',  'dropped', 'dropped', 'stamped', 200,  403,   200],
  ['observer',         'approved', 'open',        'served',  'dropped', 'dropped', 'stamped', 200,  403,   200],
  ['observer',         "B's",      'close 4404',  'refused', 'refused', 'refused', 'refused', 404,  404,   404],
  ['outsider',         'draft',    'close 4404',  'refused', 'refused', 'refused', 'refused', 404,  404,   404],
  ['outsider',         'approved', 'close 4404',  'refused', 'refused', 'refused', 'refused', 404,  404,   404],
  ['outsider',         "B's",      'close 4404',  'refused', 'refused', 'refused', 'refused', 404,  404,   404],
  ['other coalition',  'draft',    'close 4404',  'refused', 'refused', 'refused', 'refused', 404,  404,   404],
  ['other coalition',  'approved', 'close 4404',  'refused', 'refused', 'refused', 'refused', 404,  404,   404],
  ['other coalition',  "B's",      'open',        'served',  'stored',  'stored',  'stamped', 200,  200,   200],
  ['signed out',       'draft',    'close 4401',  'refused', 'refused', 'refused', 'refused', 401,  401,   401],
  ['signed out',       'approved', 'close 4401',  'refused', 'refused', 'refused', 'refused', 401,  401,   401],
  ['signed out',       "B's",      'close 4401',  'refused', 'refused', 'refused', 'refused', 401,  401,   401],
]

/** The table as (person, document) → decisions, for the test to look cells up in. */
export const MATRIX: ReadonlyMap<string, Decisions> = new Map(
  ROWS.map(([person, document, connect, step1, step2, update, awareness, read, write, exp]) => [
    cellKey(person, document),
    { connect, step1, step2, update, awareness, read, write, export: exp },
  ]),
)

export function cellKey(person: Person, document: Document): string {
  return `${person} × ${document}`
}

/** What others see next to an admitted person's caret: from the account, never the client. */
export const PRESENCE: Partial<
  Record<Person, { name: string; organisation: string; role: string }>
> = {
  chair: { name: 'Owen', organisation: 'ALC', role: 'chair' },
  secretariat: { name: 'Grace', organisation: 'FPCT', role: 'secretariat' },
  member: { name: 'Tom', organisation: 'CNN', role: 'member' },
  observer: { name: 'Hannah', organisation: 'CNN', role: 'observer' },
  'other coalition': { name: 'Mallory', organisation: 'ET', role: 'chair' },
}
