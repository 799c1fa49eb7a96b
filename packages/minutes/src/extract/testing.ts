// Fixtures for the extractor's tests: a made-up coalition and documents built from Markdown.
import type { JSONContent } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'
import { importMinutes } from '../import-minutes.ts'
import { minutesSchema } from '../schema.ts'
import type { ExtractContext } from './types.ts'

export const context: ExtractContext = {
  meetingDate: '2025-06-10', // a Tuesday
  organisations: [
    {
      id: 'tur',
      name: 'Tenants Union of Riverside',
      shortName: 'TUR',
      aliases: ['the Tenants Union'],
    },
    { id: 'sp', name: 'Shelter Point', shortName: 'SP', aliases: [] },
    { id: 'rfb', name: 'Riverside Food Bank', shortName: 'RFB', aliases: ['the Food Bank'] },
    { id: 'acr', name: 'Age Concern Riverside', shortName: 'ACR', aliases: [] },
  ],
  people: [
    { id: 'p-maya', name: 'Maya', organisationId: 'tur' },
    { id: 'p-daniel', name: 'Daniel Okafor', organisationId: 'sp' },
    { id: 'p-ines', name: 'Ines', organisationId: 'rfb' },
    { id: 'p-joan', name: 'Joan Ashby', organisationId: 'acr' },
    { id: 'p-li', name: 'Li Wei', organisationId: 'sp' },
  ],
  coalitionName: 'Riverside Housing Forum (RHF)',
}

export function markdownDoc(source: string): Node {
  return minutesSchema().nodeFromJSON(importMinutes(source, 'markdown'))
}

export function textDoc(source: string): Node {
  return minutesSchema().nodeFromJSON(importMinutes(source, 'text'))
}

export function jsonDoc(content: JSONContent[]): Node {
  return minutesSchema().nodeFromJSON({ type: 'doc', content })
}
