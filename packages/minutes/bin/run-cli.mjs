#!/usr/bin/env node
// Runs one of the minutes package's command-line tools (`minutes`, `eval`) from a bundle built
// with esbuild and kept in node_modules/.cache, rebuilt whenever a source file is newer. Through
// tsx every run compiled some hundred modules first (about 1 s); the bundle starts in a third
// of that, so `npm run -s minutes -- extract FILE …` answers a one-page file well under 1 s.
import { mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const TOOLS = { minutes: 'minutes.ts', eval: 'eval.ts' }

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..', '..')
const [tool, ...args] = process.argv.slice(2)
const entry = TOOLS[tool]
if (!entry) {
  process.stderr.write(`run-cli: give one of ${Object.keys(TOOLS).join(', ')}\n`)
  process.exit(2)
}

/** The newest modification time of the sources a bundle is made of. */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

const cache = join(root, 'node_modules', '.cache', 'accord-cli')
const bundle = join(cache, `${tool}.mjs`)
let built = 0
try {
  built = statSync(bundle).mtimeMs
} catch {
  built = 0
}
const sources = Math.max(
  newest(join(here, '..', 'src')),
  statSync(join(root, 'package-lock.json')).mtimeMs,
)
if (built < sources) {
  const { build } = await import('esbuild')
  mkdirSync(cache, { recursive: true })
  await build({
    entryPoints: [join(here, '..', 'src', 'cli', entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
    // CommonJS dependencies (wink's model) call require(); give the bundle one.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  })
}
process.argv = [process.argv[0], bundle, ...args]
await import(pathToFileURL(bundle).href)
