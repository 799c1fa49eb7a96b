/**
 * Who outside the coalition an ask is aimed at: a general list of UK public bodies and office
 * holders (the Treasury, departments, ministers, MPs, councils, regulators, the NHS, parties).
 * Names are canonicalised a little ("the Treasury" → "HM Treasury", "all three local MPs" →
 * "local MPs") so that one target reads the same wherever it is written.
 */
export interface TargetMatch {
  start: number
  end: number
  target: string
}

const CAP = "[A-Z][\\w'’-]*"
const PROPER_TAIL = `(?:\\s+(?:(?:and|of|for|the)\\s+)?${CAP})*`
const QUALIFIER =
  '(?:care|health|social\\s+care|housing|education|schools|employment|disabilities|disability|local\\s+government|skills|pensions|finance|mental\\s+health|relevant|junior|prime)'

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\b(?:HM\s+)?Treasury\b/g, () => 'HM Treasury'],
  [/\b(?:the\s+)?Chancellor(?:\s+of\s+the\s+Exchequer)?\b/g, () => 'HM Treasury'],
  [
    new RegExp(`\\b(?:Department|Ministry)\\s+(?:of|for)\\s+(?:the\\s+)?${CAP}${PROPER_TAIL}`, 'g'),
    (m) => m[0],
  ],
  [new RegExp(`\\bSecretary\\s+of\\s+State(?:\\s+for\\s+${CAP}${PROPER_TAIL})?`, 'g'), (m) => m[0]],
  [new RegExp(`\\bMinister\\s+(?:for|of)\\s+${CAP}${PROPER_TAIL}`, 'g'), (m) => m[0]],
  [/\bPrime\s+Minister\b/g, () => 'Prime Minister'],
  [
    new RegExp(`\\b${QUALIFIER}\\s+ministers?\\b`, 'gi'),
    (m) => m[0].toLowerCase().replace(/\s+/g, ' '),
  ],
  [/\bministers?\b/gi, (m) => m[0].toLowerCase()],
  [
    /\b(?:DHSC|DfE|DWP|MHCLG|DLUHC|HMRC|DCMS|DfT|DESNZ|DEFRA|Defra|MoJ|FCDO|Home\s+Office|Cabinet\s+Office|Downing\s+Street|No\.?\s?10|NHS\s+England|CQC|Care\s+Quality\s+Commission|Ofsted|Ofwat|Ofgem|Ofcom|Parliament|House\s+of\s+Commons|House\s+of\s+Lords|Scottish\s+Government|Welsh\s+Government)\b/g,
    (m) => m[0].replace(/\s+/g, ' '),
  ],
  [/\b(?:local\s+)?MPs?\b/g, (m) => m[0].replace(/\s+/g, ' ')],
  [/\b(?:local\s+)?councillors\b/gi, (m) => m[0].toLowerCase()],
  [
    new RegExp(
      `\\b${CAP}(?:\\s+${CAP})?\\s+(?:County|City|Borough|District|Town)\\s+Council\\b`,
      'g',
    ),
    (m) => m[0],
  ],
  [
    /\b(?:the|local)\s+(?:council|councils|local\s+authority|local\s+authorities)\b/gi,
    (m) => m[0].replace(/^the\s+/i, '').toLowerCase(),
  ],
  [/\bintegrated\s+care\s+boards?\b|\bICBs?\b/gi, (m) => m[0]],
  [/\b(?:the\s+)?(?:government|Government)\b/g, () => 'government'],
  [/\bthe\s+regulator\b/gi, () => 'the regulator'],
  [
    /\b(?:Labour|Conservative|Liberal\s+Democrat|Green|Reform\s+UK)\s+(?:Party|party)\b|\bpolitical\s+parties\b/g,
    (m) => m[0],
  ],
]

/** Fiscal events stand for the Treasury even when it is not named ("protected in the budget"). */
const FISCAL_EVENT =
  /\b(?:the\s+)?(?:budget|Budget|Spending\s+Review|spending\s+review|funding\s+settlement)\b/
const FISCAL = /\b(?:fund|funds|funded|funding|budget|Spending\s+Review|tax|taxes|grant|grants)\b/i
const LEGISLATIVE = /\b(?:statutory|legislation|legislate|law|regulations?|Bill)\b/

/** The targets named in a text, left to right, outside the given spans (organisation names). */
export function findTargets(
  text: string,
  exclude: readonly { start: number; end: number }[] = [],
): TargetMatch[] {
  const found: TargetMatch[] = []
  for (const [pattern, canonical] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index
      const end = start + m[0].length
      const overlaps = (s: { start: number; end: number }) => s.start < end && start < s.end
      if (exclude.some(overlaps) || found.some(overlaps)) continue
      found.push({ start, end, target: canonical(m) })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** A fiscal event ("the budget", "the Spending Review") named in the text. */
export function namesFiscalEvent(text: string): boolean {
  return FISCAL_EVENT.test(text)
}

/** The target an ask implies when it names none: money is the Treasury's, law the government's. */
export function impliedTarget(text: string): string | null {
  if (FISCAL.test(text)) return 'HM Treasury'
  if (LEGISLATIVE.test(text)) return 'government'
  return null
}
