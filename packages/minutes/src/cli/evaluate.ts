import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extract } from '../extract/index.ts'
import { toGold, type Gold } from '../evaluation/gold.ts'
import { scoreFile, totalScore, type FileScore } from '../evaluation/score.ts'
import { loadContext, loadMinutes, UsageError } from './load.ts'

/** The copy of the samples bundled with the server's demo coalition. */
export const BUNDLED_SAMPLES = fileURLToPath(
  new URL('../../../../apps/server/src/demo/samples/', import.meta.url),
)

export interface Evaluation {
  files: { file: string; score: FileScore; millis: number }[]
  total: FileScore
}

/**
 * Scores every `NAME.gold.json` of a samples folder against the extraction of `NAME.md` or
 * `NAME.txt`, with the folder's `organisations.json` as the context.
 */
export function evaluateSamples(dir: string = BUNDLED_SAMPLES): Evaluation {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    throw new UsageError(`cannot read the samples folder ${dir}`)
  }
  const files: Evaluation['files'] = []
  for (const goldName of names.filter((n) => n.endsWith('.gold.json')).sort()) {
    const base = goldName.slice(0, -'.gold.json'.length)
    const minutes = names.find((n) => n === `${base}.md` || n === `${base}.txt`)
    if (!minutes) continue
    const gold = JSON.parse(readFileSync(join(dir, goldName), 'utf8')) as Gold
    const context = loadContext(join(dir, 'organisations.json'), gold.meetingDate)
    const doc = loadMinutes(join(dir, minutes))
    const started = performance.now()
    const result = extract(doc, context)
    const millis = performance.now() - started
    files.push({ file: minutes, score: scoreFile(gold, toGold(gold.meetingDate, result)), millis })
  }
  return { files, total: totalScore(files.map((f) => f.score)) }
}
