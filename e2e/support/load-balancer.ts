import net from 'node:net'

export interface LoadBalancer {
  url: string
  /** The backend port of each connection still open, oldest first. */
  openBackends(): number[]
  /** Accept new connections but forward none until `release`, as during a failover. */
  hold(): void
  release(): void
  close(): Promise<void>
}

/**
 * A TCP load balancer on 127.0.0.1, port 0, as nginx would be in front of several instances:
 * each new connection goes to the next backend in turn, skipping any that refuses, and is
 * closed when its backend goes away, so a websocket client reconnects to one still alive.
 */
export async function startLoadBalancer(backendPorts: number[]): Promise<LoadBalancer> {
  let next = 0
  const open = new Map<net.Socket, number>()
  let held: net.Socket[] | undefined

  const forward = (client: net.Socket, tried = 0) => {
    if (tried === backendPorts.length) return client.destroy()
    const port = backendPorts[next++ % backendPorts.length]!
    const backend = net.connect(port, '127.0.0.1')
    backend.once('error', () => {
      if (open.has(client)) return client.destroy()
      forward(client, tried + 1)
    })
    backend.once('connect', () => {
      open.set(client, port)
      client.pipe(backend).pipe(client)
      backend.once('close', () => client.destroy())
      client.once('close', () => {
        open.delete(client)
        backend.destroy()
      })
    })
  }

  const server = net.createServer((client) => {
    client.on('error', () => client.destroy())
    if (held) held.push(client)
    else forward(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    openBackends: () => [...open.values()],
    hold: () => (held ??= []),
    release() {
      for (const client of held?.splice(0) ?? []) if (!client.destroyed) forward(client)
      held = undefined
    },
    async close() {
      for (const client of [...open.keys(), ...(held ?? [])]) client.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
