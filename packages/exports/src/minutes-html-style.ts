// The minutes page's stylesheet: readable on screen, and on paper an A4 page with margins, no
// backgrounds, and structured items kept whole across page breaks.
export const MINUTES_STYLE = `
:root { color: #1a1a1a; font: 11pt/1.5 Georgia, 'Times New Roman', serif; }
body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
header { border-bottom: 1px solid #999; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0.2rem 0; }
h2, h3, h4, h5, h6 { margin: 1.4rem 0 0.4rem; }
.coalition, .meta { color: #555; margin: 0.2rem 0; }
.state { font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; }
.state.draft { color: #a05a00; }
.state.approved { color: #1b6e2f; }
.item { border-left: 4px solid #999; padding: 0.3rem 0.7rem; margin: 0.7rem 0; }
.item.action { border-color: #2255aa; }
.item.ask { border-color: #7a3fa0; }
.item.decision { border-color: #1b6e2f; }
.details { color: #555; }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; color: #444; }
pre { background: #f4f4f4; padding: 0.5rem; overflow-x: auto; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.2rem 0.4rem; vertical-align: top; text-align: left; }
th p, td p { margin: 0; }
a { color: #2255aa; }
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  pre { background: none; border: 1px solid #ccc; }
  .item, tr, pre, blockquote { break-inside: avoid; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  a { color: inherit; }
  a[href^='http']::after { content: ' (' attr(href) ')'; font-size: 0.85em; color: #555; }
}
`
