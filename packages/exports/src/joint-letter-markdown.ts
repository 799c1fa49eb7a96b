// A joint letter as Markdown, to paste into an email or a shared document.
import { formatDay } from './dates.ts'
import type { JointLetter } from './joint-letter.ts'
import { escapeMarkdown } from './markdown-text.ts'
import { letterAddressee, NO_SIGNATORIES } from './joint-letter-text.ts'

export function jointLetterMarkdown(letter: JointLetter): string {
  const lines = [
    `**To:** ${escapeMarkdown(letterAddressee(letter))} \\`,
    `**From:** ${escapeMarkdown(letter.coalition.name)} \\`,
    `**Date:** ${letter.date ? formatDay(letter.date) : '\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_'}`,
    '',
    `We, the undersigned members of ${escapeMarkdown(letter.coalition.name)}, ask:`,
    '',
    ...letter.asks.map((ask, i) => `${i + 1}. ${escapeMarkdown(ask.text)}`),
    '',
    'Signed by:',
    '',
    ...(letter.signatories.length > 0
      ? letter.signatories.map((org) => `- ${escapeMarkdown(org.name)}`)
      : [NO_SIGNATORIES]),
  ]
  return `${lines.join('\n')}\n`
}
