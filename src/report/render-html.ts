// The report as one self-contained HTML file: inline CSS, charts inline as SVG, a
// strict Content-Security-Policy (nothing is fetched, nothing runs), and print
// rules (A4 pages, a running header, page numbers, a page break before each
// section) so the same file prints, and render-pdf.ts prints it to PDF.

import { chartSvg } from '../charts/render.ts';
import type { Block, ReportDocument, Section, TableCell } from './model.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
/** A CSS string literal: anything but plain characters as a hex escape, so nothing can close the string or the style element. */
const cssString = (s: string) => `"${[...s].map((c) => (/[\p{L}\p{N} .,:;!?()·'’-]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;

const FONT = '"DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif';

const STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --rule: #d5dae1; --accent: #163f80; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 11pt/1.5 ${FONT}; }
.report { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
.cover { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.cover .kind { text-transform: uppercase; letter-spacing: .08em; color: var(--accent); font-weight: 700; margin: 0; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .3rem 0 .5rem; }
h2 { font-size: 1.45rem; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin: 2rem 0 .8rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.date, .note { color: var(--muted); }
.note { font-size: .92em; }
.toc ol { padding-left: 1.4rem; }
.toc a { color: var(--accent); }
dl.facts { margin: 1rem 0; }
dl.facts > div { display: grid; grid-template-columns: 14rem 1fr; gap: 1rem; padding: .15rem 0; border-bottom: 1px solid #eef0f3; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
caption { text-align: left; font-weight: 700; padding: 0 0 .4rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.tone-good { background: #e2f2e5; }
td.tone-partial { background: #fff0d1; }
td.tone-bad { background: #f9dede; }
td.tone-none { background: #f1f2f4; color: var(--muted); }
td.marked { font-weight: 700; }
tr.highlight > th { background: #fff6bf; border-left: 4px solid #b58900; }
.table-note { margin: .3rem 0 0; }
figure { margin: 1.2rem 0; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .9em; margin-top: .3rem; }
figure.quote { border-left: 4px solid var(--accent); padding: .2rem 0 .2rem 1rem; }
figure.quote blockquote { margin: 0; font-style: italic; }
figure.quote blockquote p { margin: 0; white-space: pre-wrap; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print {
  body { font-size: 10pt; }
  .report { max-width: none; padding: 0; }
  .toc { break-after: page; }
  section.section { break-before: page; }
  section.section:first-of-type { break-before: auto; }
  h2, h3, h4, caption { break-after: avoid; }
  thead { display: table-header-group; }
  /* A table taller than a page still breaks, between rows, with its header repeated. */
  table, tr, figure.chart, figure.quote, dl.facts > div { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}`;

const pageRules = (doc: ReportDocument) => `
@page { size: A4; margin: 20mm 16mm 18mm;
  @top-left { content: ${cssString(doc.runningHeader)}; font: 8pt ${FONT}; color: #5b6472; }
  @bottom-right { content: ${cssString(`${doc.pageLabel} `)} counter(page) " / " counter(pages); font: 8pt ${FONT}; color: #5b6472; }
}
@page :first { @top-left { content: none; } }`;

function cell(c: TableCell): string {
  const classes = [c.numeric ? 'num' : '', c.tone ? `tone-${c.tone}` : '', c.marked ? 'marked' : ''].filter(Boolean).join(' ');
  return `<td${classes ? ` class="${classes}"` : ''}>${escapeText(c.text)}</td>`;
}

/** Renders blocks; `figures` numbers the charts so each inline SVG's ids stay its own. */
function block(b: Block, figures: { n: number }): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p${b.note ? ' class="note"' : ''}>${escapeText(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${escapeText(i)}</li>`).join('')}</${tag}>`;
    }
    case 'facts':
      return `<dl class="facts">${b.items.map((i) => `<div data-key="${escapeAttr(i.key)}"><dt>${escapeText(i.term)}</dt><dd>${escapeText(i.value)}</dd></div>`).join('')}</dl>`;
    case 'table': {
      const head = `<thead><tr>${b.head.map((h) => `<th scope="col">${escapeText(h)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows
        .map((r) => {
          const [first, ...rest] = r.cells;
          return `<tr${r.highlight ? ' class="highlight"' : ''}><th scope="row">${escapeText(first?.text ?? '')}</th>${rest.map(cell).join('')}</tr>`;
        })
        .join('\n');
      const notes = b.notes.map((n) => `<p class="note table-note">${escapeText(n)}</p>`).join('');
      return `<div class="table-wrap"><table data-key="${escapeAttr(b.key)}"><caption>${escapeText(b.caption)}</caption>${head}<tbody>\n${rows}\n</tbody></table>${notes}</div>`;
    }
    case 'figure': {
      const n = ++figures.n;
      // Our own chart renderer's SVG (no script, no external reference); its ids renamed per figure.
      const svg = chartSvg(b.chart).replace(/\bzr\d+-/g, `fig${n}-`);
      return `<figure class="chart" data-key="${escapeAttr(b.key)}" role="group" aria-label="${escapeAttr(b.caption)}">${svg}<figcaption>${escapeText(b.caption)}</figcaption></figure>`;
    }
    case 'quote':
      return `<figure class="quote" data-segment="${escapeAttr(b.segmentId)}"><blockquote><p>${escapeText(b.text)}</p></blockquote><figcaption>— ${escapeText(b.attribution)} · ${escapeText(b.theme)}</figcaption></figure>`;
  }
}

function section(s: Section, level: number, figures: { n: number }): string {
  const heading = `<h${level}>${escapeText(s.title)}</h${level}>`;
  const body = [...s.blocks.map((b) => block(b, figures)), ...s.subsections.map((x) => section(x, Math.min(level + 1, 6), figures))].join('\n');
  return `<section id="${escapeAttr(s.id)}"${level === 2 ? ' class="section"' : ''}>\n${heading}\n${body}\n</section>`;
}

export function renderHtml(doc: ReportDocument): string {
  const figures = { n: 0 };
  const toc = doc.sections.map((s) => `<li><a href="#${escapeAttr(s.id)}">${escapeText(s.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(`${doc.title} · ${doc.kind}`)}</title>
<style>${STYLE}${pageRules(doc)}</style>
</head>
<body>
<div class="report">
<header class="cover">
<p class="kind">${escapeText(doc.kind)}</p>
<h1>${escapeText(doc.title)}</h1>
<p class="date">${escapeText(doc.date)}</p>
</header>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeText(doc.contentsTitle)}</h2><ol>${toc}</ol></nav>
<main>
${doc.sections.map((s) => section(s, 2, figures)).join('\n')}
</main>
</div>
</body>
</html>
`;
}
