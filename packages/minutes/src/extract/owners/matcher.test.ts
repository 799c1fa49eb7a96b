import { describe, expect, it } from 'vitest'
import { participantsOf } from '../participants/participants.ts'
import { context } from '../testing.ts'
import { createOwnerMatcher } from './matcher.ts'

const people = participantsOf(context.people, {
  attendees: [],
  organisationsPresent: [],
  blocks: [],
})
const matcher = createOwnerMatcher({ ...context, people })
const ids = (text: string) => matcher.entities(text).map((e) => e.organisationIds.join('+'))

describe('owner matching', () => {
  it('finds names, short names and aliases as whole words, case-insensitively', () => {
    expect(ids('Riverside Food Bank and the food bank met SP')).toEqual(['rfb', 'rfb', 'sp'])
    expect(ids('the tenants union wrote')).toEqual(['tur'])
    expect(ids('SPRING is not SP')).toEqual(['sp'])
  })

  it('matches an all-capitals short name only in capitals', () => {
    expect(ids('sp and Sp are words')).toEqual([])
  })

  it('prefers the longest name', () => {
    const [entity] = matcher.entities('Tenants Union of Riverside will lead')
    expect(entity).toMatchObject({ text: 'Tenants Union of Riverside', organisationIds: ['tur'] })
  })

  it('reads people as their organisation, by full or unique first name, case-sensitively', () => {
    expect(matcher.entities('Maya and Daniel Okafor')).toMatchObject([
      { kind: 'person', personId: 'p-maya', organisationIds: ['tur'] },
      { kind: 'person', personId: 'p-daniel', organisationIds: ['sp'] },
    ])
    expect(ids('Daniel said')).toEqual(['sp'])
    expect(ids('maya said')).toEqual([])
  })

  it('reads "Name (ORG)" as the organisation in brackets', () => {
    expect(matcher.entities('Ines (ACR) will')).toMatchObject([
      { text: 'Ines (ACR)', personId: 'p-ines', organisationIds: ['acr'] },
    ])
  })

  it('reads the words for the whole coalition as ALL', () => {
    expect(ids('All members, everyone, the coalition and we all')).toEqual([
      'ALL',
      'ALL',
      'ALL',
      'ALL',
    ])
  })

  it('names the organisations a heading is about', () => {
    expect(matcher.headingOrganisations('Shelter Point update')).toEqual(['sp'])
    expect(matcher.headingOrganisations('TUR')).toEqual(['tur'])
    expect(matcher.headingOrganisations('What SP heard from the council this month')).toEqual([])
    expect(matcher.headingOrganisations(null)).toEqual([])
  })

  it('reads people by their initials, and initials shared across organisations as nobody', () => {
    expect(ids('JA and LW and DO')).toEqual(['acr', 'sp', 'sp'])
    const twins = createOwnerMatcher({
      organisations: context.organisations,
      people: [
        { id: 'a', name: 'Jo Adams', organisationIds: ['sp'], initials: [] },
        { id: 'b', name: 'Jay Ames', organisationIds: ['rfb'], initials: [] },
      ],
    })
    expect(twins.entities('JA will')).toEqual([])
  })

  it('reads "Cllr Surname", a role the attendance gives, and initials that are words only alone', () => {
    const directory = createOwnerMatcher({
      organisations: context.organisations,
      people: [
        { id: 'p', name: 'Ada Sykes', organisationIds: ['tur'], initials: [], roles: ['chair'] },
        { id: 'q', name: 'Ian Taylor', organisationIds: ['sp'], initials: [] },
      ],
    })
    expect(directory.entities('Cllr Sykes and the Chair').map((e) => e.organisationIds)).toEqual([
      ['tur'],
      ['tur'],
    ])
    expect(directory.entities('IT to check').map((e) => e.personId)).toEqual(['q'])
    expect(directory.entities('IT STRATEGY REVIEW')).toEqual([])
  })

  it('reads handles: "@handle" from the attendance, and "@First"', () => {
    const online = createOwnerMatcher({
      organisations: context.organisations,
      people: [
        {
          id: 'k',
          name: 'Kit Barlow',
          organisationIds: ['sp'],
          initials: [],
          handles: ['kbarlow'],
        },
      ],
    })
    expect(online.entities('@kbarlow and @Kit').map((e) => e.personId)).toEqual(['k', 'k'])
  })

  it("reads the coalition's own name, its acronym and its initials as everyone", () => {
    expect(ids('RHF, and the Riverside Housing Forum')).toEqual(['ALL', 'ALL'])
    const unbracketed = createOwnerMatcher({
      ...context,
      people,
      coalitionName: 'Dock Street Alliance',
    })
    expect(unbracketed.entities('the DSA and the Alliance').map((e) => e.kind)).toEqual([
      'all',
      'all',
    ])
  })
})
