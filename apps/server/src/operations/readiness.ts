import { Hono } from 'hono'
import type { Logger } from 'pino'
import type { AppEnv } from '../http/app-env.ts'

/**
 * What this instance needs to serve: each check resolves once its dependency answers. Storage
 * and fan-out plug theirs in; a dependency that is not configured has no check.
 */
export interface Readiness {
  database(): Promise<void>
  redis?(): Promise<void>
}

export type CheckResult = 'ok' | 'not configured' | 'failed' | 'timed out'

/** A dependency slower than this counts as down: the load balancer should try another instance. */
export const READY_TIMEOUT_MS = 1000

/**
 * `/health` says the process is up (a liveness probe: restart it if not); `/ready` says its
 * database and Redis answer (a readiness probe: send it traffic only if so). The answer names
 * each check and never the error, which goes to the log: the route needs no sign-in.
 */
export function healthRoutes(readiness: Readiness, logger: Logger, timeoutMs = READY_TIMEOUT_MS) {
  const run = async (
    name: string,
    check: (() => Promise<void>) | undefined,
  ): Promise<CheckResult> => {
    if (!check) return 'not configured'
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<CheckResult>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), timeoutMs)
    })
    // async, so a check that throws instead of rejecting fails the same way.
    const answered = (async (): Promise<CheckResult> => {
      await check()
      return 'ok'
    })().catch((error: unknown): CheckResult => {
      logger.warn({ err: error, check: name }, 'readiness check failed')
      return 'failed'
    })
    const result = await Promise.race([answered, timedOut])
    clearTimeout(timer)
    if (result === 'timed out') logger.warn({ check: name, timeoutMs }, 'readiness check timed out')
    return result
  }

  return new Hono<AppEnv>()
    .get('/health', (c) => c.json({ ok: true }))
    .get('/ready', async (c) => {
      const [database, redis] = await Promise.all([
        run('database', readiness.database.bind(readiness)),
        run('redis', readiness.redis?.bind(readiness)),
      ])
      const ok = database === 'ok' && (redis === 'ok' || redis === 'not configured')
      return c.json({ ok, checks: { database, redis } }, ok ? 200 : 503)
    })
}
