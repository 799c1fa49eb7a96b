// `npm run -s eval [-- --samples DIR] [--verbose]`: scores the extractor on a samples folder
// (default: the copy bundled with the demo) and prints a table per file and overall.
import { parseArgs } from 'node:util'
import { precision, recall, type FileScore } from '../evaluation/score.ts'
import { evaluateSamples } from './evaluate.ts'

const pct = (n: number) => n.toFixed(2)
const ratio = (a: number, b: number) => (b === 0 ? '   –' : pct(a / b))

function row(name: string, s: FileScore): string {
  const cells = [
    name.padEnd(22),
    `${s.actions.matched}/${s.actions.predicted}/${s.actions.gold}`.padStart(9),
    pct(precision(s.actions)).padStart(6),
    pct(recall(s.actions)).padStart(6),
    ratio(s.actions.dueCorrect, s.actions.matched).padStart(6),
    `${s.asks.matched}/${s.asks.predicted}/${s.asks.gold}`.padStart(8),
    pct(precision(s.asks)).padStart(6),
    pct(recall(s.asks)).padStart(6),
    ratio(s.asks.targetAgree, s.asks.matched).padStart(7),
    ratio(s.asks.supportersAgree, s.asks.matched).padStart(6),
    (s.decisions
      ? `${s.decisions.matched}/${s.decisions.predicted}/${s.decisions.gold}`
      : '–'
    ).padStart(7),
  ]
  return cells.join(' ')
}

function main(): void {
  const { values } = parseArgs({
    options: { samples: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } },
  })
  const evaluation = evaluateSamples(values.samples)
  const header = [
    'file'.padEnd(22),
    'act m/p/g'.padStart(9),
    'act P'.padStart(6),
    'act R'.padStart(6),
    'due'.padStart(6),
    'ask m/p/g'.padStart(8),
    'ask P'.padStart(6),
    'ask R'.padStart(6),
    'target'.padStart(7),
    'supp'.padStart(6),
    'dec'.padStart(7),
  ].join(' ')
  const lines = [header, '-'.repeat(header.length)]
  for (const { file, score } of evaluation.files) lines.push(row(file, score))
  lines.push('-'.repeat(header.length), row('overall', evaluation.total))
  if (values.verbose) {
    for (const { file, score, millis } of evaluation.files) {
      lines.push('', `${file} (${millis.toFixed(1)} ms)`, ...score.misses.map((m) => `  ${m}`))
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}

try {
  main()
} catch (error) {
  process.stderr.write(
    `eval: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
  )
  process.exit(2)
}
