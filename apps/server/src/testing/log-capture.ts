import { Writable } from 'node:stream'
import pino from 'pino'

export type LogLine = Record<string, unknown>

/**
 * A real pino logger writing to memory, for tests that read what the server logged: hand
 * `logger` to startServer, then read `lines` (every line) or `audit()` (the audit log's lines).
 */
export function captureLog(level: pino.LevelWithSilent = 'info') {
  const lines: LogLine[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line) lines.push(JSON.parse(line) as LogLine)
      }
      done()
    },
  })
  return {
    lines,
    logger: pino({ level }, stream),
    /** The audit lines written so far, of one event or all. */
    audit: (event?: string) =>
      lines.filter((line) => line.audit === true && (event === undefined || line.event === event)),
  }
}
