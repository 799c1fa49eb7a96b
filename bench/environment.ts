/** Where and with what a bench ran, recorded beside its numbers. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from './traces.ts'

const packages = [
  'yjs',
  'y-websocket',
  'y-protocols',
  'lib0',
  'ws',
  '@y/websocket-server',
  '@hocuspocus/server',
  '@hocuspocus/provider',
]

export function machine() {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    /** Other work on the machine competes with the servers for the same cores. */
    loadAverage1m: os.loadavg()[0]!,
  }
}

export function versions(): Record<string, string> {
  const found: Record<string, string> = { accord: accordCommit() }
  for (const name of packages) {
    const file = path.join(repoRoot, 'node_modules', name, 'package.json')
    try {
      found[name] = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
    } catch {
      found[name] = 'not installed'
    }
  }
  return found
}

function accordCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim()
  } catch {
    return 'unknown'
  }
}

/** The line every section of RESULTS.md starts with: where, when, and which versions. */
export function machineLine(
  machine: Record<string, string | number>,
  versions: Record<string, string>,
): string {
  const load = Number(machine.loadAverage1m)
  return (
    `Machine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ` +
    `${Number.isFinite(load) ? load.toFixed(2) : '–'} at the start. Accord ${versions.accord}, ` +
    `yjs ${versions.yjs}, @y/websocket-server ${versions['@y/websocket-server']}, ` +
    `@hocuspocus/server ${versions['@hocuspocus/server'] ?? 'not run'}.`
  )
}
