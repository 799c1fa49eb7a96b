import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const serverMain = path.join(repoRoot, 'apps/server/src/main.ts')

export interface ServerProcess {
  url: string
  port: number
  dataDir: string
  process: ChildProcess
  /** Output so far, to print when a test fails. */
  output(): string
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>
  /** SIGKILL: no chance to flush anything. */
  kill(): Promise<void>
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-'))
}

/**
 * Runs the real server (apps/server/src/main.ts) in a child process on 127.0.0.1. Pass the
 * previous port to restart on the same address, so open clients find it again.
 */
export async function startServerProcess(
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? makeDataDir()
  // `node --import tsx` keeps the server in this one process, so SIGKILL really kills it
  // (the tsx CLI would run it in a grandchild that outlives a killed parent).
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port ?? 0),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${output}`))
    })
  })
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
