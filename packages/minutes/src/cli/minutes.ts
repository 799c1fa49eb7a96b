// `npm run -s minutes -- extract FILE --date YYYY-MM-DD --orgs ORGS.json [--all] [--full]`:
// prints the actions, asks and decisions of one set of minutes as JSON, in the samples' gold
// format: what "Accept all" would create, the strong suggestions (--all: the weak ones too;
// --full: everything extract() returns, with each item's confidence and reason).
import { parseArgs } from 'node:util'
import { extract } from '../extract/index.ts'
import { toGold } from '../evaluation/gold.ts'
import { loadContext, loadMinutes, UsageError } from './load.ts'

const USAGE = 'usage: minutes extract FILE --date YYYY-MM-DD --orgs ORGS.json [--all] [--full]'

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      orgs: { type: 'string' },
      all: { type: 'boolean' },
      full: { type: 'boolean' },
    },
  })
  const [command, file] = positionals
  if (command !== 'extract' || !file || !values.date || !values.orgs) throw new UsageError(USAGE)
  const context = loadContext(values.orgs, values.date)
  const result = extract(loadMinutes(file), context)
  const output = values.full ? result : toGold(values.date, result, { all: values.all === true })
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
}

try {
  main(process.argv.slice(2))
} catch (error) {
  const message =
    error instanceof UsageError || error instanceof TypeError ? error.message : String(error)
  process.stderr.write(`minutes: ${message.split('\n')[0]}\n`)
  process.exit(2)
}
