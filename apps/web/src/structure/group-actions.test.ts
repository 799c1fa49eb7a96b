import type { Organisation } from '@accord/coalition'
import type { StructureAction } from '@accord/minutes/structure'
import { describe, expect, it } from 'vitest'
import { groupActions, organisationNames } from './group-actions.ts'

const organisations: Organisation[] = [
  { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC', aliases: [] },
  { id: 'fpct', name: 'Fair Pay for Care Trust', shortName: 'FPCT', aliases: [] },
]

function action(key: string, owners: string[], unknownOwners: string[] = []): StructureAction {
  return {
    key,
    origin: 'suggested',
    text: key,
    owners,
    unknownOwners,
    assignee: null,
    due: null,
    dueText: null,
    dueUnparsed: false,
    status: 'open',
    carriedFrom: null,
    ownersProposed: false,
    dueProposed: false,
    confidence: 1,
    source: { from: 0, to: 0, text: key },
    reason: '',
    position: 0,
  }
}

const headings = (actions: StructureAction[]) =>
  groupActions(actions, organisations).map((g) => [g.heading, g.actions.map((a) => a.key)])

describe('groupActions', () => {
  it('groups by organisation in the coalition order, all members first, unknown last', () => {
    expect(
      headings([
        action('a', ['fpct']),
        action('b', [], ['Carers UK']),
        action('c', ['ALL']),
        action('d', ['alc', 'fpct']),
      ]),
    ).toEqual([
      ['All members', ['c']],
      ['Association of Local Councils', ['d']],
      ['Fair Pay for Care Trust', ['a', 'd']],
      ['Unknown organisation', ['b']],
    ])
  })

  it('flags an action with a known owner and an unknown one under both', () => {
    expect(headings([action('a', ['alc'], ['Carers UK'])])).toEqual([
      ['Association of Local Councils', ['a']],
      ['Unknown organisation', ['a']],
    ])
  })

  it('puts an owner id that is no longer an organisation under unknown, no owner at all apart', () => {
    expect(headings([action('a', ['gone']), action('b', [])])).toEqual([
      ['Unknown organisation', ['a']],
      ['No owner yet', ['b']],
    ])
  })
})

describe('organisationNames', () => {
  it('names known organisations by short name', () => {
    expect(organisationNames(['fpct', 'gone', 'alc'], organisations)).toEqual(['FPCT', 'ALC'])
  })
})
