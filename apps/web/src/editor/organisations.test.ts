import type { Organisation } from '@accord/coalition'
import { minutesSchema } from '@accord/minutes'
import { describe, expect, it } from 'vitest'
import { matchOrganisations, mentionedOrganisations, organisationNames } from './organisations.ts'

const organisation = (id: string, shortName: string, name: string, aliases: string[] = []) =>
  ({ id, shortName, name, aliases }) as Organisation

const coalition = [
  organisation('alc', 'ALC', 'Anti-Loneliness Coalition'),
  organisation('cpag', 'CPAG', 'Child Poverty Action Group', ['Child Poverty']),
  organisation('tuc', 'TUC', 'Trades Union Congress', ['Congress']),
]

describe('matchOrganisations', () => {
  it('finds by short name, name, a word of the name, or alias, ignoring case', () => {
    expect(matchOrganisations('alc', coalition).map((o) => o.id)).toEqual(['alc'])
    expect(matchOrganisations('poverty', coalition).map((o) => o.id)).toEqual(['cpag'])
    expect(matchOrganisations('congr', coalition).map((o) => o.id)).toEqual(['tuc'])
  })

  it('offers everyone for an empty query, and nobody for no match', () => {
    expect(matchOrganisations('', coalition)).toHaveLength(3)
    expect(matchOrganisations('zzz', coalition)).toEqual([])
  })

  it('puts an exact short name first', () => {
    const more = [...coalition, organisation('tu', 'TU', 'TUC Youth')]
    expect(matchOrganisations('tu', more)[0]?.id).toBe('tu')
  })
})

describe('organisationNames', () => {
  it('names owners by short name, the whole coalition as All members', () => {
    expect(organisationNames(['tuc', 'alc'], coalition)).toEqual(['TUC', 'ALC'])
    expect(organisationNames(['ALL'], coalition)).toEqual(['All members'])
    expect(organisationNames(['gone'], coalition)).toEqual(['gone'])
  })
})

describe('mentionedOrganisations', () => {
  it('lists the organisations a block mentions, once each', () => {
    const mention = (id: string) => ({ type: 'organisationMention', attrs: { id, label: id } })
    const block = minutesSchema().nodeFromJSON({
      type: 'paragraph',
      content: [mention('tuc'), { type: 'text', text: ' and ' }, mention('alc'), mention('tuc')],
    })
    expect(mentionedOrganisations(block)).toEqual(['tuc', 'alc'])
  })
})
