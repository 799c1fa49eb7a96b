import net from 'node:net'
import { createMiddleware } from 'hono/factory'
import { ApiError } from './api-error.ts'

/**
 * Which names the server answers to (DNS rebinding). A page on evil.example can re-point its
 * own name at this server's address; the browser then sends `Host: evil.example` and an Origin
 * of that same name, which the Origin check counts as same-origin. So a request must be
 * addressed to a name the server knows:
 *
 * - an IP address: a browser sends one only when the page itself is at that address, and an
 *   address cannot be re-pointed (load balancers' health checks and tests use these too);
 * - `localhost` and `*.localhost`, which browsers resolve to this machine without DNS;
 * - the name HOST binds to, when it is a name;
 * - with PUBLIC_ORIGIN set, the host names of its origins (ports aside: a reverse proxy's
 *   `proxy_set_header Host $host` sends the name alone).
 *
 * Vite's dev server follows the same rule for the same reason. `npm run dev` proxies to
 * 127.0.0.1, so the server sees localhost or that address.
 */
export interface HostRules {
  /** HOST: the address or name the server binds to. */
  boundHost: string
  publicOrigins: readonly string[] | undefined
}

/** `name`, `name:port`, `[v6]` or `[v6]:port`: what a browser puts in Host, nothing more. */
const HOST_HEADER = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::\d{1,5})?$/i

export function hostAllowed(header: string | undefined, rules: HostRules): boolean {
  const match = header === undefined ? null : HOST_HEADER.exec(header)
  if (!match) return false
  const name = (match[1] ?? match[2]!).toLowerCase()
  if (net.isIP(name) !== 0) return true
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  if (name === rules.boundHost.toLowerCase()) return true
  return rules.publicOrigins?.some((origin) => new URL(origin).hostname === name) ?? false
}

/** Refuses, with 421 Misdirected Request, anything addressed to a name the server does not know. */
export function checkHost(rules: HostRules) {
  return createMiddleware(async (c, next) => {
    const host = c.req.header('host')
    if (!hostAllowed(host, rules)) throw new ApiError(421, 'unknown_host', refusal(host, rules))
    await next()
  })
}

function refusal(host: string | undefined, { publicOrigins }: HostRules): string {
  const asked = `Accord does not answer to the address "${(host ?? '').slice(0, 100)}"`
  if (publicOrigins) {
    return (
      `${asked}. Open it at ${publicOrigins.join(' or ')}. If you run this server and people ` +
      'reach it by this name, add the name to PUBLIC_ORIGIN.'
    )
  }
  return (
    `${asked}: without PUBLIC_ORIGIN it answers to localhost, IP addresses and its HOST only. ` +
    'If you run this server and people reach it by this name, set PUBLIC_ORIGIN to that ' +
    'address, such as https://minutes.example.org.'
  )
}
