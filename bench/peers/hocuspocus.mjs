// Hocuspocus as its documentation starts it, documents in memory, on HOST and PORT. It stops
// on SIGTERM itself (stopOnSignals), so `--profile` (node --cpu-prof) can write its profile.
import { Server } from '@hocuspocus/server'

const server = new Server({
  address: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 1234),
  quiet: true,
})
await server.listen()
console.log(`running at ${server.httpURL}`)
