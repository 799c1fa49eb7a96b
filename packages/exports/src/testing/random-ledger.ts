/**
 * Random ledgers for property tests: a few organisations and meetings, and actions with random
 * owners, states and dates. Every action's text and source carry a marker unique to it
 * (`MK<n>Q`, letters and digits only, so no format escapes it), so a test can tell whose action
 * leaked into an export by searching for markers.
 */
import fc from 'fast-check'
import type { Ledger, LedgerAction } from '@accord/minutes/ledger'

export const markerOf = (index: number) => `MK${index}Q`

export const isoDate = fc
  .date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10))

/** Text that exercises escaping: quotes, commas, line breaks, formula starts, markup. */
const noise = fc.array(
  fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', ',', '\n', '=', '<b>', '*', '# ')),
  { maxLength: 4 },
)

export const randomLedger: fc.Arbitrary<Ledger> = fc
  .record({
    organisations: fc.integer({ min: 1, max: 4 }),
    meetings: fc.integer({ min: 1, max: 3 }),
  })
  .chain((size) => {
    const orgIds = Array.from({ length: size.organisations }, (_, i) => `org${i}`)
    const meetingIds = Array.from({ length: size.meetings }, (_, i) => `meet${i}`)
    const action = fc.record({
      owners: fc.oneof(fc.constant(['ALL']), fc.subarray(orgIds)),
      status: fc.constantFrom('open', 'in_progress', 'done', 'dropped'),
      due: fc.option(isoDate, { nil: null }),
      raisedIn: fc.constantFrom(...meetingIds),
      heldIn: fc.constantFrom(...meetingIds),
      noise: noise.map((parts) => parts.join('')),
    })
    return fc
      .record({
        actions: fc.array(action, { maxLength: 10 }),
        meetingDates: fc.array(isoDate, { minLength: size.meetings, maxLength: size.meetings }),
      })
      .map(({ actions, meetingDates }) => ({ orgIds, meetingIds, actions, meetingDates }))
  })
  .map(({ orgIds, meetingIds, actions, meetingDates }) => ({
    coalition: { id: 'coalition', name: 'Random Coalition' },
    organisations: orgIds.map((id, i) => ({ id, name: `Organisation ${i}`, shortName: `O${i}` })),
    people: [],
    meetings: meetingIds.map((id, i) => ({
      id,
      title: `Meeting ${i}`,
      date: meetingDates[i]!,
      status: 'draft' as const,
    })),
    actions: actions.map((fields, i): LedgerAction => ({
      key: `action-${i}`,
      text: `${markerOf(i)} ${fields.noise}`,
      owners: [...fields.owners],
      unknownOwners: [],
      assignee: null,
      due: fields.due,
      dueText: null,
      status: fields.status,
      raisedIn: fields.raisedIn,
      heldIn: fields.heldIn,
      meetingIds: [fields.raisedIn, fields.heldIn],
      carriedFrom: null,
      sourceText: `We said ${markerOf(i)}: ${fields.noise}`,
      updatedAt: '2026-01-01T00:00:00.000Z',
      editable: true,
    })),
    asks: [],
    decisions: [],
    pendingSuggestions: {},
  }))
