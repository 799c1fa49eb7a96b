// The reference server: @y/websocket-server's own bin (src/server.js, which its package does
// not export), line for line, documents in memory. One addition: a clean exit on SIGTERM, so
// that `--profile` (node --cpu-prof) can write its profile. With YPERSISTENCE=<dir>
// (servers.ts `persist`) @y/websocket-server/utils keeps documents in y-leveldb there, as the
// bin does: its documented persistence, nothing to add here.
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const wss = new WebSocketServer({ noServer: true })
const host = process.env.HOST || 'localhost'
const port = Number.parseInt(process.env.PORT || '1234')

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})

wss.on('connection', setupWSConnection)

server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request)
  })
})

server.listen(port, host, () => {
  console.log(`running at '${host}' on port ${port}`)
})

process.once('SIGTERM', () => process.exit(0))
