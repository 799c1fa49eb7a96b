/**
 * Child processes and temporary folders of a bench run, always cleaned up: on a normal exit,
 * on an error, and on Ctrl-C. Every child is killed by its own pid.
 */
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'

const children = new Set<ChildProcess>()
const folders = new Set<string>()

export function track(child: ChildProcess): ChildProcess {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

export function trackFolder(folder: string): string {
  folders.add(folder)
  return folder
}

export function removeFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true })
  folders.delete(folder)
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

/**
 * Waits `patienceMs` for the process to end by itself, then asks it to (SIGTERM), then after
 * `graceMs` kills it; resolves once it is gone.
 */
export async function stop(child: ChildProcess, { patienceMs = 0, graceMs = 5000 } = {}) {
  if (!isRunning(child)) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const term = setTimeout(() => child.kill('SIGTERM'), patienceMs)
  const kill = setTimeout(() => child.kill('SIGKILL'), patienceMs + graceMs)
  await exited
  clearTimeout(term)
  clearTimeout(kill)
}

function cleanUp(): void {
  for (const child of children) if (isRunning(child)) child.kill('SIGKILL')
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true })
}

process.once('exit', cleanUp)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp()
    process.exit(130)
  })
}
