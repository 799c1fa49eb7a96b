import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extract, STRONG } from '../extract/index.ts'
import { diagnose, type Finding } from '../evaluation/diagnose.ts'
import { toGold, type Gold } from '../evaluation/gold.ts'
import { HELD_OUT } from '../evaluation/held-out.ts'
import { matchFile, scoreFile, totalScore, type FileScore } from '../evaluation/score.ts'
import { loadContext, loadMinutes, UsageError } from './load.ts'

/**
 * The repository's root: the first folder up from this module (or from the bundle the CLI runs,
 * in node_modules/.cache) that holds the server's demo samples.
 */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'apps', 'server', 'src', 'demo', 'samples'))) {
    const up = dirname(dir)
    if (up === dir) throw new UsageError('cannot find the repository the samples are in')
    dir = up
  }
  return dir
}

/** The copy of the samples bundled with the server's demo coalition. */
const BUNDLED_SAMPLES = join(repositoryRoot(), 'apps', 'server', 'src', 'demo', 'samples')

/** The real minutes of the development corpus, beside the repository (not in a fresh clone). */
const REAL_SAMPLES = join(repositoryRoot(), '..', 'shared', 'samples', 'real')

/** The folders `npm run eval` scores by default: the samples and, where present, the real ones. */
export function defaultSampleFolders(): string[] {
  return existsSync(REAL_SAMPLES) ? [BUNDLED_SAMPLES, REAL_SAMPLES] : [BUNDLED_SAMPLES]
}

export interface FileEvaluation {
  file: string
  /** Kept out while rules are developed (see HELD_OUT). */
  heldOut: boolean
  /** What "Accept all" would give: explicit items and strong suggestions. */
  score: FileScore
  /** Every suggestion, weak ones too. */
  scoreAll: FileScore
  findings: Finding[]
  millis: number
}

export interface Evaluation {
  files: FileEvaluation[]
  total: FileScore
  totalAll: FileScore
}

/**
 * Scores every `NAME.gold.json` of the folders against the extraction of `NAME.md` or
 * `NAME.txt`, with `NAME.orgs.json` as the context, or else the folder's `organisations.json`.
 */
export function evaluateSamples(dirs: readonly string[] = [BUNDLED_SAMPLES]): Evaluation {
  const files: FileEvaluation[] = []
  for (const dir of dirs) files.push(...evaluateFolder(dir))
  return {
    files,
    total: totalScore(files.map((f) => f.score)),
    totalAll: totalScore(files.map((f) => f.scoreAll)),
  }
}

function evaluateFolder(dir: string): FileEvaluation[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    throw new UsageError(`cannot read the samples folder ${dir}`)
  }
  const files: FileEvaluation[] = []
  for (const goldName of names.filter((n) => n.endsWith('.gold.json')).sort()) {
    const base = goldName.slice(0, -'.gold.json'.length)
    const minutes = names.find((n) => n === `${base}.md` || n === `${base}.txt`)
    if (!minutes) continue
    const gold = JSON.parse(readFileSync(join(dir, goldName), 'utf8')) as Gold
    const orgs = names.includes(`${base}.orgs.json`) ? `${base}.orgs.json` : 'organisations.json'
    const context = loadContext(join(dir, orgs), gold.meetingDate)
    const doc = loadMinutes(join(dir, minutes))
    const started = performance.now()
    const result = extract(doc, context)
    const millis = performance.now() - started
    const strong = result.actions.filter((a) => a.confidence >= STRONG)
    const predicted = toGold(gold.meetingDate, result)
    const matches = matchFile(gold, predicted)
    files.push({
      file: minutes,
      heldOut: HELD_OUT.has(base),
      score: scoreFile(gold, predicted, matches),
      scoreAll: scoreFile(gold, toGold(gold.meetingDate, result, { all: true })),
      findings: diagnose(
        gold,
        predicted,
        matches,
        strong.map((a) => `${a.confidence.toFixed(2)} ${a.reason}`),
      ),
      millis,
    })
  }
  return files
}
