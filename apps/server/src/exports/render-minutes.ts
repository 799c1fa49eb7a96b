import {
  minutesDocx,
  minutesHtml,
  minutesMarkdown,
  type ActionProposal,
  type MinutesExportInput,
} from '@accord/exports'
import { readMinutes } from '@accord/minutes'
import { applyStoredUpdates } from '@accord/sync'
import * as Y from 'yjs'
import { versionProposals } from './action-proposals.ts'

/**
 * A meeting's minutes read from storage and written out, on an extraction worker: reading a
 * document and writing it out take time in proportion to it, and on the server's thread the
 * minutes of 18,000 paragraphs took 0.5 s to read and 1.5 s more as Word. What crosses to the
 * worker is the stored document (its updates, as a projection gets them), and back a string or
 * the file's bytes.
 */
export type RenderRequest =
  /** The minutes as the API answers them: `{ "minutes": … }`, as JSON text. */
  | { format: 'json'; updates: readonly Uint8Array[] }
  | {
      format: 'md' | 'docx' | 'html'
      updates: readonly Uint8Array[]
      /** An approved version's snapshot, when it is what is exported, and its number. */
      version?: { snapshot: Uint8Array; label: string }
      /** What the exporters read besides the minutes: names, the meeting, the coalition. */
      input: Omit<MinutesExportInput, 'minutes' | 'proposals' | 'version'>
      /** What the stored structure read from the live minutes' actions (storedProposals). */
      proposals: Record<string, ActionProposal>
    }

/** renderMinutes where the server has it done: on an extraction worker. */
export type RenderMinutes = (request: RenderRequest) => Promise<string | Uint8Array>

export function renderMinutes(request: RenderRequest): Promise<string | Uint8Array> | string {
  const live = readStored(request.updates)
  if (request.format === 'json') return JSON.stringify({ minutes: live })
  const { version, input, proposals } = request
  const minutes = version ? readStored([version.snapshot]).json : live.json
  const exported: MinutesExportInput = {
    ...input,
    minutes,
    // The proposals of the live minutes hold for a version only where its action is the same.
    proposals: version ? versionProposals(proposals, minutes, live.json) : proposals,
    ...(version ? { version: { label: version.label } } : {}),
  }
  switch (request.format) {
    case 'md':
      return minutesMarkdown(exported)
    case 'html':
      return minutesHtml(exported)
    case 'docx':
      return minutesDocx(exported)
  }
}

function readStored(updates: readonly Uint8Array[]) {
  const doc = new Y.Doc()
  try {
    applyStoredUpdates(doc, updates)
    return readMinutes(doc)
  } finally {
    doc.destroy()
  }
}
