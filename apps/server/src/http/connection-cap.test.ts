import net from 'node:net'
import { waitFor } from '@accord/sync/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { ConnectionCap } from './connection-cap.ts'

/** Real TCP sockets: the cap follows each server-side socket's own 'close' event. */
const servers: net.Server[] = []
const clients: net.Socket[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

/** A listener that hands each accepted socket to the test, and n clients connected to it. */
async function connectPairs(n: number): Promise<{ client: net.Socket; accepted: net.Socket }[]> {
  const accepted: net.Socket[] = []
  const server = net.createServer((socket) => {
    socket.on('error', () => {})
    accepted.push(socket)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  const connected = Array.from({ length: n }, () => {
    const client = net.connect({ port, host: '127.0.0.1' })
    client.on('error', () => {})
    clients.push(client)
    return client
  })
  await waitFor(() => accepted.length === n, { message: 'every client should be accepted' })
  // Accepted in connection order is not guaranteed: pair each by its ports.
  return connected.map((client) => ({
    client,
    accepted: accepted.find((socket) => socket.remotePort === client.localPort)!,
  }))
}

describe('ConnectionCap', () => {
  it('refuses the socket past the cap and admits again once one closes', async () => {
    const pairs = await connectPairs(4)
    const cap = new ConnectionCap(3)
    expect(pairs.slice(0, 3).map((p) => cap.admit('198.51.100.7', p.accepted))).toEqual([
      true,
      true,
      true,
    ])
    expect(cap.admit('198.51.100.7', pairs[3]!.accepted)).toBe(false)
    // Another address has its own allowance.
    expect(cap.admit('203.0.113.9', pairs[3]!.accepted)).toBe(true)

    pairs[0]!.client.end()
    await waitFor(() => cap.count('198.51.100.7') === 2, { message: 'a clean close counts down' })
    const [again] = await connectPairs(1)
    expect(cap.admit('198.51.100.7', again!.accepted)).toBe(true)
  })

  it('counts down for abnormal closes: a reset by the peer, and a socket the server drops', async () => {
    const pairs = await connectPairs(3)
    const cap = new ConnectionCap(10)
    for (const { accepted } of pairs) cap.admit('198.51.100.7', accepted)
    expect(cap.count('198.51.100.7')).toBe(3)

    pairs[0]!.client.resetAndDestroy()
    await waitFor(() => cap.count('198.51.100.7') === 2, { message: 'a reset counts down' })
    pairs[1]!.accepted.destroy()
    await waitFor(() => cap.count('198.51.100.7') === 1, {
      message: 'a dropped socket counts down',
    })
    pairs[2]!.client.destroy()
    await waitFor(() => cap.addresses === 0, { message: 'an address with none open is forgotten' })
  })

  it('does not count a socket that closed before it was admitted', async () => {
    const [pair] = await connectPairs(1)
    pair!.accepted.destroy()
    const cap = new ConnectionCap(1)
    expect(cap.admit('198.51.100.7', pair!.accepted)).toBe(true)
    expect(cap.count('198.51.100.7')).toBe(0)
  })

  it('reports an address reaching the cap once, not once per refused attempt', async () => {
    const pairs = await connectPairs(4)
    const reached: string[] = []
    const cap = new ConnectionCap(1, (address) => reached.push(address))
    cap.admit('198.51.100.7', pairs[0]!.accepted)
    for (const { accepted } of pairs.slice(1)) cap.admit('198.51.100.7', accepted)
    expect(reached).toEqual(['198.51.100.7'])

    // Below the cap again, then full again: a new episode, reported again.
    pairs[0]!.client.destroy()
    await waitFor(() => cap.count('198.51.100.7') === 0, { message: 'the close counts down' })
    cap.admit('198.51.100.7', pairs[1]!.accepted)
    cap.admit('198.51.100.7', pairs[2]!.accepted)
    expect(reached).toEqual(['198.51.100.7', '198.51.100.7'])
  })
})
