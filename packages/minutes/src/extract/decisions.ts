import type { ReadBlock, ReadDocument } from './read/document.ts'

/**
 * What the meeting decided: "Decision: …" / "Agreed: …" lines, "It was agreed that …",
 * "The group agreed that …", "General agreement that …", items of a list under a heading
 * about decisions, and sentences opening with "Agreed" ("Agreed as an accurate record."), which
 * name no subject and so take their section's heading: "Minutes of the last meeting: agreed as
 * an accurate record".
 */
export interface DecisionCandidate {
  block: ReadBlock
  start: number
  end: number
  text: string
  reason: string
}

const RULES: [RegExp, string][] = [
  [/^\s*(?:decisions?|decided|resolved|agreed)\s*[:–-]\s*(.+)$/i, '"Decision:" line'],
  [/\bit\s+was\s+(?:agreed|decided|resolved)\s+(?:that\s+)?(.+)$/i, '"It was agreed that"'],
  [
    /^(?:the\s+)?(?:meeting|group|members|coalition|alliance|committee|partnership|we)\s+(?:all\s+)?(?:agreed|decided|resolved)\s+(?:that\s+)?(.+)$/i,
    'the meeting "agreed"',
  ],
  [/^(?:general|strong|broad)?\s*(?:agreement|consensus)\s+that\s+(.+)$/i, '"agreement that"'],
]
const SUBJECTLESS = /^(?:agreed|approved|signed\s+off)\b/i
const DECISIONS_LEAD = /\bdecisions?\b/i

export function findDecisions(doc: ReadDocument): DecisionCandidate[] {
  const found: DecisionCandidate[] = []
  for (const block of doc.blocks) {
    if (block.kind === 'heading' || block.row || block.inAttendance) continue
    const list = block.kind === 'listItem' && block.lead !== null && DECISIONS_LEAD.test(block.lead)
    block.sentences.forEach((sentence, index) => {
      const reading = read(sentence.text, block, list && index === 0)
      if (!reading) return
      const text = reading.text
        .replace(/\s+/g, ' ')
        .replace(/[\s.;:]+$/, '')
        .trim()
      if (text !== '')
        found.push({
          block,
          start: sentence.start,
          end: sentence.end,
          text,
          reason: reading.reason,
        })
    })
  }
  return found
}

function read(
  sentence: string,
  block: ReadBlock,
  inList: boolean,
): { text: string; reason: string } | undefined {
  // "It was agreed that:" introduces its list; the items say what was agreed.
  if (/:\s*$/.test(sentence)) return undefined
  for (const [pattern, reason] of RULES) {
    const m = pattern.exec(sentence)
    if (m) return { text: m[1]!, reason }
  }
  if (SUBJECTLESS.test(sentence)) {
    const heading = block.section.heading?.replace(/^[\d.\s]+/, '').trim()
    const lowered = sentence.charAt(0).toLowerCase() + sentence.slice(1)
    return {
      text: heading ? `${heading}: ${lowered}` : sentence,
      reason: `"${sentence.split(/\s/)[0]}" with no subject`,
    }
  }
  if (inList) return { text: sentence, reason: `item of the list under "${block.lead}"` }
  return undefined
}
