import type { BrowserContext, Page } from '@playwright/test'

/** One sign that a payload ran: which detector fired, with what, and where. */
export interface Execution {
  detector: string
  argument: string
  place: string
}

/**
 * Arms a browser context so that any payload that runs is caught: alert, confirm, prompt and
 * print report to a binding instead of opening dialogs (in every frame, srcdoc ones too),
 * `__xss()` is that binding itself, any real dialog still counts, and a request for an
 * `xss-marker` URL (a script or fetch a payload names) is answered with a script that reports.
 * Requests to the marker host never leave the browser.
 */
export async function armDetectors(
  context: BrowserContext,
  executions: Execution[],
  place: () => string,
): Promise<void> {
  await context.exposeBinding('__xss', (_source, detector: unknown, argument: unknown) => {
    executions.push({ detector: String(detector), argument: String(argument), place: place() })
  })
  await context.addInitScript(() => {
    const report = (window as unknown as { __xss: (d: string, a: string) => void }).__xss
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, {
        value: (argument?: unknown) => report(name, String(argument)),
      })
    }
  })
  await context.route(/xss-marker/, async (route) => {
    executions.push({ detector: 'request', argument: route.request().url(), place: place() })
    await route.fulfill({ status: 200, contentType: 'text/javascript', body: '__xss("script")' })
  })
  const watch = (page: Page) =>
    page.on('dialog', (dialog) => {
      executions.push({
        detector: `dialog ${dialog.type()}`,
        argument: dialog.message(),
        place: place(),
      })
      void dialog.dismiss().catch(() => {})
    })
  context.pages().forEach(watch)
  context.on('page', watch)
}

/**
 * What in a rendered document could still run code on a click, a hover or a focus: elements
 * that load or run things, `on…` handlers, script-ish URLs and styles. Runs in the page; an
 * empty list means nothing inside `selector` can execute anything.
 */
export function auditDom(selector: string): Promise<string[]> | string[] {
  const root = document.querySelector(selector)
  if (!root) return [`no ${selector} to audit`]
  const dangerous = new Set([
    'script',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'base',
    'form',
    'meta',
    'link',
    'style',
    'svg',
    'math',
    'template',
    'noscript',
    'img',
    'video',
    'audio',
    'source',
    'area',
  ])
  const urlAttributes = [
    'href',
    'src',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'xlink:href',
  ]
  const findings: string[] = []
  const protocolOf = (value: string) => {
    try {
      return new URL(value, document.baseURI).protocol
    } catch {
      return undefined
    }
  }
  for (const element of root.querySelectorAll('*')) {
    const tag = element.localName.toLowerCase()
    // ProseMirror's own spacer after an inline node at a line's end: no source, nothing to run.
    const separator =
      tag === 'img' &&
      element.classList.contains('ProseMirror-separator') &&
      [...element.attributes].every(({ name }) => name === 'class' || name === 'alt')
    if (dangerous.has(tag) && !separator) findings.push(`<${tag}> element`)
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on')) findings.push(`${name} on <${tag}>`)
      if (name === 'srcdoc') findings.push(`srcdoc on <${tag}>`)
      if (urlAttributes.includes(name) && attribute.value.trim() !== '') {
        const protocol = protocolOf(attribute.value)
        // An address the browser cannot parse is one it cannot follow either.
        if (protocol && !['http:', 'https:', 'mailto:', 'about:'].includes(protocol)) {
          findings.push(`${name}="${attribute.value}" on <${tag}>`)
        }
      }
      if (
        name === 'style' &&
        /url\(|expression|javascript|binding|behavior/i.test(attribute.value)
      ) {
        findings.push(`style="${attribute.value}" on <${tag}>`)
      }
    }
  }
  return findings
}
