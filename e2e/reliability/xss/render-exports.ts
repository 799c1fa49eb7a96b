/**
 * Every export a payload's text reaches, as the HTML a browser would show: the meeting's HTML
 * export served with its CSP and again as plain HTML without it (so escaping is proven, not
 * just the policy), its Markdown through markdown-it with raw HTML on (the worst renderer a
 * reader could use), and its Word file through mammoth; likewise the organisation's
 * commitments and the coalition's joint letter.
 */
import mammoth from 'mammoth'
import MarkdownIt from 'markdown-it'

export interface RenderedExport {
  place: string
  /** From the coalition's ledger (actions and asks), not the meeting's own minutes. */
  ledger?: boolean
  /** Shown with `setContent` (no CSP), unless `url` says to load it from the server instead. */
  html?: string
  url?: string
}

/** The exporter's `<meta>` CSP removed: what a page without any policy would do with it. */
function withoutCsp(html: string): string {
  const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')
  if (stripped === html)
    throw new Error('the HTML export has no CSP <meta> to remove: update this test')
  return stripped
}

const markdown = new MarkdownIt({ html: true, linkify: true })

const markdownToHtml = (text: string) =>
  `<!doctype html><html><body>${markdown.render(text)}</body></html>`

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
  return `<!doctype html><html><body>${value}</body></html>`
}

/** Downloads an export with the member's session; fails loudly on anything but 200. */
export async function download(baseUrl: string, cookie: string, path: string): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } })
  if (response.status !== 200) {
    throw new Error(`GET ${path}: expected 200, got ${response.status} ${await response.text()}`)
  }
  return response
}

/** The meeting's exports and the ledger's, each ready to load in a page. */
export async function renderExports(
  baseUrl: string,
  cookie: string,
  ids: { meetingId: string; coalitionId: string; organisationId: string },
): Promise<RenderedExport[]> {
  const { meetingId, coalitionId, organisationId } = ids
  const text = async (path: string) => (await download(baseUrl, cookie, path)).text()
  const bytes = async (path: string) =>
    new Uint8Array(await (await download(baseUrl, cookie, path)).arrayBuffer())
  const meeting = `/api/meetings/${meetingId}`
  const commitments = `/api/coalitions/${coalitionId}/organisations/${organisationId}/commitments`
  const letter = `/api/coalitions/${coalitionId}/asks/letter`
  const html = await text(`${meeting}/export.html`)
  return [
    { place: 'HTML export, served with its CSP', url: `${meeting}/export.html` },
    { place: 'HTML export without CSP', html: withoutCsp(html) },
    { place: 'Markdown export', html: markdownToHtml(await text(`${meeting}/export.md`)) },
    { place: 'Word export', html: await docxToHtml(await bytes(`${meeting}/export.docx`)) },
    {
      place: 'commitments Markdown',
      ledger: true,
      html: markdownToHtml(await text(`${commitments}.md`)),
    },
    {
      place: 'commitments Word',
      ledger: true,
      html: await docxToHtml(await bytes(`${commitments}.docx`)),
    },
    {
      place: 'joint letter Markdown',
      ledger: true,
      html: markdownToHtml(await text(`${letter}.md`)),
    },
    {
      place: 'joint letter Word',
      ledger: true,
      html: await docxToHtml(await bytes(`${letter}.docx`)),
    },
  ]
}
