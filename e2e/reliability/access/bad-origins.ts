/**
 * Origins a page on another site could present, or a forged request could carry, made from the
 * one origin the server accepts. Each category is a way attackers have got past origin checks
 * that compare prefixes, suffixes, substrings or parsed URLs instead of whole strings.
 */

export interface BadOrigin {
  category: string
  /** The Origin header's bytes: a Buffer where they are not plain ASCII. */
  value: string | Buffer
  /** A second Origin header line, sent after the first. */
  second?: string
}

/** Cyrillic letters that look like Latin ones: the classic IDN homograph. */
const CYRILLIC: Record<string, string> = {
  a: '\u0430',
  c: '\u0441',
  e: '\u0435',
  i: '\u0456',
  o: '\u043e',
  p: '\u0440',
  x: '\u0445',
}

const fullwidth = (text: string) =>
  [...text].map((ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)).join('')

/** The host's name with every letter that has a Cyrillic twin swapped, or a name with one. */
function homograph(hostname: string): string {
  const swapped = [...hostname].map((ch) => CYRILLIC[ch] ?? ch).join('')
  return swapped !== hostname ? swapped : `l${CYRILLIC.o}${CYRILLIC.c}alhost`
}

/** What a browser sends for a Unicode host name: its punycode form. */
const punycode = (hostname: string) => new URL(`http://${hostname}`).hostname

/**
 * At least 50 distinct bad Origins for a server whose one good origin is `good` (scheme, host, port).
 * `sameHostOtherScheme` is whether http ↔ https on the same host is refused too: it is with a
 * PUBLIC_ORIGIN allowlist, and not in same-origin mode, where the server cannot tell whether a
 * proxy in front of it speaks TLS (see apps/server/src/http/origin.ts).
 */
export function badOrigins(good: string, sameHostOtherScheme: boolean): BadOrigin[] {
  const url = new URL(good)
  const scheme = url.protocol.slice(0, -1)
  const otherScheme = scheme === 'https' ? 'http' : 'https'
  const host = url.hostname
  const port = Number(url.port || (scheme === 'https' ? 443 : 80))
  const hostPort = url.host
  const withPort = (h: string) => (url.port ? `${h}:${url.port}` : h)
  const list: BadOrigin[] = []
  const add = (category: string, ...values: (string | Buffer)[]) => {
    for (const value of values) list.push({ category, value })
  }

  add('the opaque origin of sandboxed frames, file: and data: pages', 'null', 'NULL', 'Null')
  add(
    'look-alike suffix',
    `${scheme}://${hostPort}.evil.example`,
    `${scheme}://${host}.evil.example:${port}`,
    `${scheme}://${withPort(`${host}.nip.io`)}`,
    `${scheme}://${hostPort}evil.example`,
  )
  add(
    'look-alike prefix',
    `${scheme}://${withPort(`evil${host}`)}`,
    `${scheme}://${withPort(`evil.${host}`)}`,
    `${scheme}://${withPort(`evil-${host}`)}`,
  )
  add(
    'user information',
    `${scheme}://${hostPort}@evil.example`,
    `${scheme}://evil.example@${hostPort}`,
    `${scheme}://user:secret@${hostPort}`,
    `${scheme}://${hostPort}%40evil.example`,
  )
  add(
    'wrong scheme',
    `ws://${hostPort}`,
    `wss://${hostPort}`,
    `file://${hostPort}`,
    'file://',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    'moz-extension://0b1f2e3d-4c5b-6a79-8877-665544332211',
    `ftp://${hostPort}`,
    `blob:${good}/0b1f2e3d-4c5b-6a79-8877-665544332211`,
    `${scheme}x://${hostPort}`,
    `//${hostPort}`,
    hostPort,
  )
  if (sameHostOtherScheme) add('wrong scheme', `${otherScheme}://${hostPort}`)
  add(
    'another port',
    `${scheme}://${host}:${port + 1}`,
    `${scheme}://${host}:${port}0`,
    `${scheme}://${host}:0${port}`,
    `${otherScheme}://${host}:${port + 1}`,
  )
  if (url.port) add('another port', `${scheme}://${host}`)
  else add('another port', `${scheme}://${host}:8080`)
  add(
    'another name for the host',
    `${scheme}://${withPort('localhost')}`,
    `${scheme}://${withPort('[::1]')}`,
    `${scheme}://${withPort('127.0.0.2')}`,
    `${scheme}://${withPort('2130706433')}`,
    `${scheme}://${withPort('evil.example')}`,
  )
  add(
    'letter case',
    `${scheme.toUpperCase()}://${hostPort}`,
    `${scheme[0]!.toUpperCase()}${scheme.slice(1)}://${hostPort.toUpperCase()}`,
  )
  add(
    'trailing characters',
    `${good}/`,
    `${good}/evil`,
    `${good}?evil`,
    `${good}#evil`,
    `${scheme}://${host}.:${port}`,
    `${good}.`,
  )
  add(
    'several origins in one header',
    `${good}, https://evil.example`,
    `https://evil.example, ${good}`,
    `${good} https://evil.example`,
    `null ${good}`,
  )
  add('whitespace inside', `${scheme}:// ${hostPort}`, `${scheme}://${host} :${port}`)
  const lookAlike = homograph(host)
  add(
    'Unicode and IDN homographs',
    Buffer.from(`${scheme}://${withPort(fullwidth(host))}`),
    Buffer.from(`${scheme}://${withPort(lookAlike)}`),
    `${scheme}://${withPort(punycode(lookAlike))}`,
    Buffer.from(`${scheme}://${withPort(`${host}\u200b`)}`),
    // A no-break space in Latin-1: not whitespace to HTTP, so it is not trimmed.
    Buffer.concat([Buffer.from(good), Buffer.from([0xa0])]),
  )
  list.push({ category: 'two Origin headers', value: good, second: 'https://evil.example' })
  list.push({ category: 'two Origin headers', value: 'https://evil.example', second: good })
  return list
}

/** The header bytes an origin sends, to tell two apart. */
export const originBytes = (origin: BadOrigin) =>
  `${Buffer.from(origin.value).toString('hex')} ${origin.second ?? ''}`

/** How an origin reads in a failure message. */
export const showOrigin = (origin: BadOrigin) =>
  `${origin.category}: ${JSON.stringify(Buffer.isBuffer(origin.value) ? origin.value.toString('utf8') : origin.value)}${origin.second ? ` + ${JSON.stringify(origin.second)}` : ''}`
