import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fs from 'node:fs'
import pino from 'pino'
import { loadConfig } from './config.ts'
import { startServer } from './server.ts'

const config = loadConfig(process.env)
const builtClient = fileURLToPath(new URL('../../web/dist', import.meta.url))
if (!config.webDist && fs.existsSync(path.join(builtClient, 'index.html'))) {
  config.webDist = builtClient
}
const logger = pino({ level: config.logLevel })
if (!config.webDist)
  logger.warn('The web client is not built (npm run build); serving the API only.')

const server = await startServer(config, logger)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
