/**
 * W1's web client: built from the working tree into a temporary folder of its own, so the run
 * measures the code as it is (never a stale apps/web/dist) and never touches the dist another
 * build or test run may be using. The chunks' sizes are read from the built files.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { trackFolder } from '../processes.ts'
import { repoRoot } from '../traces.ts'

/** The language model's chunk (wink-nlp's English model), as Vite names it. */
export const MODEL_CHUNK = /^english-[^/]*\.js$/

export interface Chunk {
  /** File name under assets/, hash included. */
  file: string
  bytes: number
  /** gzip at zlib's default level, what a compressing proxy would send. */
  gzipBytes: number
}

export interface ClientBuild {
  /** The built client: served by the server as WEB_DIST. */
  dist: string
  buildMs: number
  /** The chunk index.html loads (the app's entry). */
  entry: Chunk
  /** Every chunk index.html names: the entry and what it preloads. */
  inHtml: string[]
  /** The language model's chunk. */
  model: Chunk
  /** Every JavaScript chunk, largest first. */
  chunks: Chunk[]
}

/** `vite build` (the same config as `npm run build`) into a new temporary folder. */
export function buildClient(): ClientBuild {
  const dist = trackFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-web-')))
  const start = performance.now()
  try {
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist],
      { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' },
    )
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`vite build failed:\n${stdout ?? ''}${stderr ?? ''}`)
  }
  const buildMs = performance.now() - start

  const assets = path.join(dist, 'assets')
  const chunks = fs
    .readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => chunkOf(path.join(assets, file)))
    .sort((a, b) => b.bytes - a.bytes)
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
  const entryFile = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1]
  const entry = chunks.find((chunk) => chunk.file === entryFile)
  const inHtml = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!)
  const model = chunks.find((chunk) => MODEL_CHUNK.test(chunk.file))
  if (!entry) throw new Error(`the built index.html names no entry chunk in assets/:\n${html}`)
  if (!model) throw new Error(`no language model chunk (english-*.js) among ${chunks.length}`)
  return { dist, buildMs, entry, inHtml, model, chunks }
}

function chunkOf(file: string): Chunk {
  const content = fs.readFileSync(file)
  return {
    file: path.basename(file),
    bytes: content.byteLength,
    gzipBytes: zlib.gzipSync(content).byteLength,
  }
}
