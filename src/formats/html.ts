// HTML pages (.html, .htm) to the text a reader sees. htmlparser2 tokenises
// (entities decoded); this module lays the text out the way a browser does:
// block elements start new lines or paragraphs, inline elements join, runs of
// whitespace collapse except inside <pre>, and scripts, styles, templates,
// <noscript>, the <head> and hidden elements are left out. Nothing a page names
// (images, frames, links, stylesheets) is ever fetched: only text is read.
//
// The character encoding follows the HTML sniffing order, simplified: a
// byte-order mark; else a charset declared in the first 1024 bytes (<meta
// charset>, <meta http-equiv="Content-Type">, an XML declaration); else UTF-8
// if the bytes are valid UTF-8; else Windows-1252.

import { Parser } from 'htmlparser2';
import { LANGUAGES, type Language } from '../core/model.ts';
import { decodeText } from './encoding.ts';
import { mb, unreadable, type Extracted, type Extractor } from './types.ts';

// ---------------------------------------------------------------- decoding

const SNIFF_BYTES = 1024;

interface DecodedHtml {
  text: string;
  encoding: string;
  bom: boolean;
  warnings: string[];
}

const hasBom = (b: Uint8Array) =>
  (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/** Attributes of one start tag's source, names lower-cased. */
function tagAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of tag.matchAll(pattern)) attributes.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  return attributes;
}

/** The charset label a page declares near its start, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 keeps every byte as one character, so ASCII markup reads the same in any encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES)).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1];
  for (const meta of head.matchAll(/<meta\b([^>]*)>?/gi)) {
    const attributes = tagAttributes(meta[1]!);
    const charset = attributes.get('charset');
    if (charset) return charset;
    const content = attributes.get('content');
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type' && content) {
      const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(content);
      if (m) return m[1];
    }
  }
  return undefined;
}

/** The WHATWG name of a charset label, or undefined when no decoder knows it. */
function encodingOf(label: string): string | undefined {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    // As the HTML standard says: a page cannot declare itself UTF-16 from inside; x-user-defined is Windows-1252.
    if (name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
    return name === 'x-user-defined' ? 'windows-1252' : name;
  } catch {
    return undefined;
  }
}

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  if (hasBom(bytes)) {
    const d = decodeText(bytes);
    return { text: d.text, encoding: d.encoding, bom: true, warnings: [] };
  }
  const warnings: string[] = [];
  const label = declaredCharset(bytes);
  const declared = label === undefined ? undefined : encodingOf(label);
  if (label !== undefined && declared === undefined) {
    warnings.push(`the page declares an unknown character set "${label.slice(0, 40)}": it was read as UTF-8 or Windows-1252`);
  }
  if (declared !== undefined && declared !== 'utf-8' && declared !== 'windows-1252') {
    // Node's legacy decoders; Windows-1252 is excluded because Node decodes its 0x80–0x9F as C1 controls.
    return { text: new TextDecoder(declared).decode(bytes), encoding: declared, bom: false, warnings };
  }
  // UTF-8, Windows-1252 or nothing declared: trust the bytes, which decodeText checks.
  const d = decodeText(bytes);
  const found = d.encoding === 'utf-8' ? 'utf-8' : 'windows-1252';
  const ascii = !bytes.some((b) => b >= 0x80);
  if (declared !== undefined && !ascii && declared !== found) {
    warnings.push(`the page declares ${declared.toUpperCase()} but its bytes are ${found.toUpperCase()}: it was read as ${found.toUpperCase()}`);
  }
  return { text: d.text, encoding: ascii ? (declared ?? 'utf-8') : found, bom: false, warnings };
}

// ---------------------------------------------------------------- layout

/** Blocks with vertical margins in a browser: a blank line around them. */
const PARAGRAPH_BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'listing', 'xmp', 'ul', 'ol', 'menu', 'dir', 'dl',
  'table', 'tr', 'hr', 'figure', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'address',
  'form', 'fieldset', 'details', 'hgroup', 'center', 'body',
]);
/** Blocks without margins: a new line. */
const LINE_BLOCKS = new Set(['div', 'li', 'dt', 'dd', 'caption', 'figcaption', 'legend', 'summary', 'search']);
/** Elements whose content is never shown as text. */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'audio', 'video', 'select', 'datalist', 'noembed', 'noframes', 'frameset',
]);
/** What a <head> may hold; anything else starts the body, as in a browser. */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template']);
const LISTS = new Set(['ul', 'ol', 'menu', 'dir']);
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'textarea']);

/** Where a line's trailing spaces, tabs and non-breaking spaces begin. */
function blankEnd(line: string): number {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\u00a0')) end--;
  return end;
}

const isHidden = (attributes: Record<string, string>) =>
  'hidden' in attributes || /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attributes['style'] ?? '');

/**
 * Text with browser-like whitespace: spaces between inline runs, at most one
 * blank line between blocks, breaks written only once the next text arrives (so
 * empty blocks leave nothing behind).
 */
class Layout {
  private readonly chunks: string[] = [];
  private empty = true;
  private trailingNewlines = 0;
  private pendingBreak = 0;
  private pendingSpace = false;
  private pendingTab = false;
  /** A list marker was written: the item's first block stays on its line. */
  private afterMarker = false;

  /** Text in normal flow: whitespace runs collapse to one space. */
  inline(raw: string): void {
    let s = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (s.startsWith(' ')) {
      this.pendingSpace = true;
      s = s.slice(1);
    }
    const endsWithSpace = s.endsWith(' ');
    if (endsWithSpace) s = s.slice(0, -1);
    // &nbsp; that only pads an empty paragraph or a line start (Word's <p>&nbsp;</p>) is not text.
    if (s !== '' && !(this.atLineStart() && /^\u00a0+$/.test(s))) this.write(s);
    if (endsWithSpace) this.pendingSpace = true;
  }

  /** Text inside <pre>: kept as written. */
  preformatted(s: string): void {
    if (s !== '') this.write(s);
  }

  /** A block starts (`opening`) or ends; the first block inside a list item stays on the marker's line. */
  block(newlines: 1 | 2, opening: boolean): void {
    if (opening && this.afterMarker) return;
    this.afterMarker = false;
    this.pendingBreak = Math.max(this.pendingBreak, newlines);
  }

  /** <br>: a forced line break, at most one blank line in a row. */
  lineBreak(): void {
    if (this.empty) return;
    this.settleBreak();
    if (this.trailingNewlines < 2) this.push('\n');
    this.pendingSpace = false;
    this.pendingTab = false;
  }

  cell(): void {
    this.pendingTab = true;
  }

  /** A list item's bullet or number, on a new line. */
  marker(text: string): void {
    this.block(1, false);
    this.write(text);
    this.pendingSpace = true;
    this.afterMarker = true;
  }

  /** The text, without blanks at line ends or newlines around it (loops: anchored regexes backtrack on long runs). */
  finish(): string {
    const lines = this.chunks.join('').split('\n');
    const trimmed = lines.map((line) => line.slice(0, blankEnd(line)));
    let first = 0;
    let last = trimmed.length;
    while (first < last && trimmed[first] === '') first++;
    while (last > first && trimmed[last - 1] === '') last--;
    return trimmed.slice(first, last).join('\n');
  }

  private atLineStart(): boolean {
    return this.empty || this.trailingNewlines > 0 || this.pendingBreak > 0;
  }

  private write(s: string): void {
    if (!this.empty) {
      const broke = this.settleBreak();
      if (!broke && this.trailingNewlines === 0) {
        if (this.pendingTab) this.push('\t');
        else if (this.pendingSpace) this.push(' ');
      }
    }
    this.pendingBreak = 0;
    this.pendingSpace = false;
    this.pendingTab = false;
    this.afterMarker = false;
    this.push(s);
    this.empty = false;
  }

  /** Writes the newlines a block boundary asked for; true if it wrote any. */
  private settleBreak(): boolean {
    const missing = this.pendingBreak - this.trailingNewlines;
    this.pendingBreak = 0;
    if (missing <= 0) return false;
    this.push('\n'.repeat(missing));
    return true;
  }

  private push(s: string): void {
    this.chunks.push(s);
    let newlines = 0;
    while (newlines < s.length && s[s.length - 1 - newlines] === '\n') newlines++;
    this.trailingNewlines = newlines === s.length ? this.trailingNewlines + newlines : newlines;
  }
}

interface ListContext {
  ordered: boolean;
  next: number;
}

/** Walks htmlparser2's events (which it balances: every open tag gets a close). */
class HtmlText {
  readonly layout = new Layout();
  language: Language | undefined;
  private skipDepth = 0;
  private inHead = false;
  private preDepth = 0;
  /** Right after <pre>: its first newline is not content. */
  private preStart = false;
  private readonly lists: ListContext[] = [];
  private readonly rowCells: number[] = [];

  open(name: string, attributes: Record<string, string>): void {
    if (this.skipDepth > 0 || SKIPPED.has(name) || isHidden(attributes)) {
      this.skipDepth++;
      return;
    }
    if (name === 'head') this.inHead = true;
    else if (this.inHead && !HEAD_CONTENT.has(name)) this.inHead = false;
    if (name === 'html') this.readLanguage(attributes);
    this.blockBoundary(name, true);
    if (PREFORMATTED.has(name)) {
      this.preDepth++;
      this.preStart = true;
    }
    this.structure(name, attributes);
  }

  close(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (name === 'head') this.inHead = false;
    if (PREFORMATTED.has(name)) this.preDepth = Math.max(0, this.preDepth - 1);
    if (LISTS.has(name)) this.lists.pop();
    if (name === 'tr') this.rowCells.pop();
    this.blockBoundary(name, false);
  }

  /** Where a block starts or ends: a paragraph break, or a line break for margin-less blocks and nested lists. */
  private blockBoundary(name: string, opening: boolean): void {
    const nestedList = LISTS.has(name) && this.lists.length > 0;
    if (PARAGRAPH_BLOCKS.has(name) && !nestedList) this.layout.block(2, opening);
    else if (LINE_BLOCKS.has(name) || nestedList) this.layout.block(1, opening);
  }

  text(text: string): void {
    if (this.skipDepth > 0 || this.inHead) return;
    if (this.preDepth === 0) return this.layout.inline(text);
    const s = this.preStart ? text.replace(/^\r?\n/, '') : text;
    this.preStart = false;
    this.layout.preformatted(s);
  }

  /** Lists, list items, table cells, line breaks. */
  private structure(name: string, attributes: Record<string, string>): void {
    if (name === 'br') return this.layout.lineBreak();
    if (LISTS.has(name) && name !== 'ol') this.lists.push({ ordered: false, next: 1 });
    else if (name === 'ol') this.lists.push({ ordered: true, next: integer(attributes['start']) ?? 1 });
    else if (name === 'li') this.listItem(attributes);
    else if (name === 'tr') this.rowCells.push(0);
    else if (name === 'td' || name === 'th') this.tableCell();
  }

  private listItem(attributes: Record<string, string>): void {
    const list = this.lists.at(-1);
    const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
    if (list?.ordered) {
      const n = integer(attributes['value']) ?? list.next;
      list.next = n + 1;
      this.layout.marker(`${indent}${n}.`);
    } else {
      this.layout.marker(`${indent}-`);
    }
  }

  private tableCell(): void {
    const row = this.rowCells.length - 1;
    if (row < 0) return;
    if (this.rowCells[row]! > 0) this.layout.cell();
    this.rowCells[row]!++;
  }

  private readLanguage(attributes: Record<string, string>): void {
    const tag = (attributes['lang'] ?? attributes['xml:lang'] ?? '').trim().toLowerCase().split(/[-_]/)[0];
    const language = LANGUAGES.find((l) => l === tag);
    if (language) this.language = language;
  }
}

function integer(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The visible text of an HTML document (already decoded), and the language its <html> element declares. */
export function htmlToText(html: string): { text: string; language: Language | undefined } {
  const walker = new HtmlText();
  const parser = new Parser(
    {
      onopentag: (name, attributes) => walker.open(name, attributes),
      onclosetag: (name) => walker.close(name),
      ontext: (text) => walker.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { text: walker.layout.finish(), language: walker.language };
}

export const htmlExtractor: Extractor = {
  format: 'html',
  extensions: ['html', 'htm'],
  mediaType: 'text/html',
  async extract(bytes, limits): Promise<Extracted> {
    if (bytes.length > limits.maxFileBytes) {
      throw unreadable(`the file is ${mb(bytes.length)}, more than the ${mb(limits.maxFileBytes)} allowed`);
    }
    const decoded = decodeHtml(bytes);
    const { text, language } = htmlToText(decoded.text);
    if (text.length > limits.maxTextLength) {
      throw unreadable(`the page's text is longer than the ${limits.maxTextLength} characters allowed: split the file and import the parts`);
    }
    const result: Extracted = { text, encoding: decoded.encoding, bom: decoded.bom, warnings: decoded.warnings };
    if (language) result.language = language;
    return result;
  },
};
