// Markdown (.md, .markdown) to the text a reader of the rendered page sees:
// markup characters go, words stay. Headings lose their # (or their === / ---
// underline), emphasis and strikethrough lose their * _ ~, code spans their
// backticks, links and images become their text and alt text, blockquote >
// markers go, list bullets become "- " and numbers stay, tables become rows of
// tab-separated cells, fenced and indented code is kept as written. Front matter,
// link reference definitions and HTML comments are left out; inline HTML tags are
// dropped (<br> is a line break) and entities decoded.
//
// A line-oriented reading of CommonMark + GFM, not a full implementation: it is
// exact for the documents people write (notes, transcripts, exports from
// transcription tools) and never fails on the rest, which keeps its markup.

import { Parser } from 'htmlparser2';
import { decodeText } from './encoding.ts';
import { mb, unreadable, type Extracted, type Extractor } from './types.ts';

// ---------------------------------------------------------------- inline

/** Placeholders for text already final (code spans, escapes, URLs): NUL never occurs in decoded text. */
class Held {
  private readonly items: string[] = [];
  hold(text: string): string {
    this.items.push(text);
    return `\0${this.items.length - 1}\0`;
  }
  restore(s: string): string {
    return s.replace(/\0(\d+)\0/g, (_, i: string) => this.items[Number(i)] ?? '');
  }
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Start of the first run of exactly `length` backticks at or after `from`, or -1. */
function findBacktickRun(s: string, from: number, length: number): number {
  let at = s.indexOf('`', from);
  while (at >= 0) {
    let end = at;
    while (s[end] === '`') end++;
    if (end - at === length) return at;
    at = s.indexOf('`', end);
  }
  return -1;
}

/** Code spans and backslash escapes, read left to right as CommonMark does (escapes do not work inside code). */
function holdCodeAndEscapes(s: string, held: Held): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.test(s[i + 1]!)) {
      out += held.hold(s[i + 1]!);
      i += 2;
    } else if (c === '`') {
      let end = i;
      while (s[end] === '`') end++;
      const close = findBacktickRun(s, end, end - i);
      if (close < 0) {
        out += s.slice(i, end);
      } else {
        const code = s.slice(end, close);
        // One space padding each side is markup (it lets code start with a backtick).
        out += held.hold(/^ [^]*[^ ][^]* $/.test(code) ? code.slice(1, -1) : code);
        end = close + (end - i);
      }
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const LINK_DESTINATION = String.raw`(?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)`;
const LINK_TITLE = String.raw`(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?`;
// Innermost brackets first, so an image inside a link resolves before the link.
const INLINE_LINK = new RegExp(String.raw`!?\[([^\[\]]*)\]\(\s*${LINK_DESTINATION}${LINK_TITLE}\s*\)`, 'g');
const REFERENCE_LINK = /!?\[([^[\]]*)\]\[([^[\]]*)\]/g;
const SHORTCUT_LINK = /!?\[([^[\]]+)\](?![([:])/g;

const normaliseLabel = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

function replaceLinks(s: string, definitions: ReadonlySet<string>): string {
  let previous;
  let rounds = 0;
  do {
    previous = s;
    s = s.replace(INLINE_LINK, '$1');
    s = s.replace(REFERENCE_LINK, (whole, text: string, label: string) =>
      definitions.has(normaliseLabel(label || text)) ? text : whole,
    );
    s = s.replace(SHORTCUT_LINK, (whole, text: string) => (definitions.has(normaliseLabel(text)) ? text : whole));
  } while (s !== previous && ++rounds < 10);
  return s;
}

// Emphasis, strong emphasis and strikethrough, matched the CommonMark way: a
// run of * _ or ~ can open when it is left-flanking (not followed by whitespace,
// …) and close when right-flanking; underscores do not open or close inside a
// word, so snake_case_names stay whole. One pass with a stack per delimiter
// character keeps this linear, whatever the line (no backtracking regex).

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

interface DelimiterRun {
  char: string;
  /** Unconsumed characters of the run: [from, to). */
  from: number;
  to: number;
  canOpen: boolean;
  canClose: boolean;
}

function delimiterRun(s: string, start: number, end: number): DelimiterRun {
  const char = s[start]!;
  const before = start > 0 ? s[start - 1]! : ' ';
  const after = end < s.length ? s[end]! : ' ';
  const [spaceBefore, spaceAfter] = [WHITESPACE.test(before), WHITESPACE.test(after)];
  const [punctBefore, punctAfter] = [PUNCTUATION.test(before), PUNCTUATION.test(after)];
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  if (char === '_') return { char, from: start, to: end, canOpen: left && (!right || punctBefore), canClose: right && (!left || punctAfter) };
  // GFM strikethrough is one or two tildes; longer runs are literal.
  if (char === '~' && end - start > 2) return { char, from: start, to: end, canOpen: false, canClose: false };
  return { char, from: start, to: end, canOpen: left, canClose: right };
}

function delimiterRuns(s: string): DelimiterRun[] {
  const runs: DelimiterRun[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c !== '*' && c !== '_' && c !== '~') {
      i++;
      continue;
    }
    let end = i;
    while (s[end] === c) end++;
    runs.push(delimiterRun(s, i, end));
    i = end;
  }
  return runs;
}

function removeEmphasis(s: string): string {
  const runs = delimiterRuns(s);
  if (runs.length === 0) return s;
  const removed = new Uint8Array(s.length);
  const openers = new Map<string, DelimiterRun[]>([['*', []], ['_', []], ['~', []]]);
  for (const run of runs) {
    if (run.canClose) closeRun(run, openers, removed);
    if (run.from < run.to && run.canOpen) openers.get(run.char)!.push(run);
  }
  let out = '';
  let kept = 0;
  for (let i = 0; i < s.length; i++) {
    if (!removed[i]) continue;
    out += s.slice(kept, i);
    kept = i + 1;
  }
  return out + s.slice(kept);
}

/** Matches a closing run with the nearest opener of its character, marking the delimiters used. */
function closeRun(run: DelimiterRun, openers: Map<string, DelimiterRun[]>, removed: Uint8Array): void {
  const stack = openers.get(run.char)!;
  while (run.from < run.to && stack.length > 0) {
    const opener = stack.at(-1)!;
    const [open, close] = [opener.to - opener.from, run.to - run.from];
    if (run.char === '~' && open !== close) return;
    const use = run.char === '~' ? close : open >= 2 && close >= 2 ? 2 : 1;
    removed.fill(1, opener.to - use, opener.to);
    removed.fill(1, run.from, run.from + use);
    opener.to -= use;
    run.from += use;
    if (opener.from === opener.to) stack.pop();
    // Openers of other characters inside the matched span can no longer close across it.
    for (const [char, others] of openers) {
      while (char !== run.char && others.length > 0 && others.at(-1)!.from > opener.from) others.pop();
    }
  }
}

/** HTML character references, decoded by htmlparser2 (which knows every named one). */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  const parser = new Parser({ ontext: (text) => (out += text) }, { decodeEntities: true });
  parser.end(s.replace(/</g, '&lt;'));
  return out;
}

/** The text outside complete <!-- … --> comments, found with indexOf (linear on any line). */
function withoutComments(s: string): string {
  let out = '';
  let at = 0;
  for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--', at)) {
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break;
    out += s.slice(at, open);
    at = close + 3;
  }
  return out + s.slice(at);
}

const AUTOLINK = /<((?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)|(?:[\w.!#$%&'*+/=?^`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+))>/g;
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?\/?>/g;

/** One line (or table cell) of inline Markdown to text. */
export function inlineText(line: string, definitions: ReadonlySet<string> = new Set()): string {
  const held = new Held();
  let s = holdCodeAndEscapes(line, held);
  s = s.replace(AUTOLINK, (_, target: string) => held.hold(target.replace(/^mailto:/i, '')));
  s = withoutComments(s).replace(/<br\s*\/?>/gi, '\n').replace(HTML_TAG, '');
  s = removeEmphasis(replaceLinks(s, definitions));
  s = s
    .split(/(\0\d+\0)/)
    .map((part) => (part.startsWith('\0') ? part : decodeEntities(part)))
    .join('')
    // Removed markup leaves double spaces, which a rendered page collapses anyway.
    .replace(/ {2,}/g, ' ');
  return held.restore(s);
}

// ---------------------------------------------------------------- blocks

const ATX_OPENING = /^ {0,3}#{1,6}(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const BULLET_ITEM = /^([ \t]*)[-*+](?:[ \t]+(.*))?$/;
const ORDERED_ITEM = /^([ \t]*)(\d{1,9})[.)](?:[ \t]+(.*))?$/;
const LINK_DEFINITION = /^ {0,3}\[([^\]]+)\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The text of an ATX heading ("## Title ##" → "Title"), or undefined if the line is not one. */
function atxHeading(line: string): string | undefined {
  const opening = ATX_OPENING.exec(line);
  if (!opening) return undefined;
  let text = line.slice(opening[0].length).trim();
  // A closing run of # counts only after a space (or alone): "C#" keeps its #.
  let hashes = text.length;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t') text = text.slice(0, hashes).trim();
  return text;
}

const isListItem = (line: string) => BULLET_ITEM.test(line) || ORDERED_ITEM.test(line);
const expandTabs = (indent: string) => indent.replace(/\t/g, '    ');
const isIndentedCode = (line: string) => /^(?: {4}|\t)/.test(line);

/** Labels of link reference definitions, wherever they are (a link may come before its definition). */
function linkDefinitions(lines: readonly string[]): Set<string> {
  const labels = new Set<string>();
  for (const line of lines) {
    const m = LINK_DEFINITION.exec(line.replace(/^(?: {0,3}> ?)+/, ''));
    if (m && !m[1]!.startsWith('^')) labels.add(normaliseLabel(m[1]!));
  }
  return labels;
}

// Metadata keys are lower-case identifiers (title:, date:, tags:); a transcript's
// "Interviewer: …" lines are capitalised, so they are never taken for metadata.
const YAML_LINE = /^(?:[a-z_][\w.-]*[ \t]*:|[ \t]|- |#)/;
const TOML_LINE = /^(?:[a-z_][\w.-]*[ \t]*=|\[|[ \t]|#)/;

/**
 * The closing line of YAML (---) or TOML (+++) front matter, which is metadata, not text.
 * Only if every line between the fences looks like metadata: a document that
 * merely starts with a horizontal rule keeps its text.
 */
function frontMatterEnd(lines: readonly string[]): number | undefined {
  const fence = lines[0]?.trimEnd();
  if (fence !== '---' && fence !== '+++') return undefined;
  const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === fence || (fence === '---' && line.trimEnd() === '...')));
  const metadata = fence === '---' ? YAML_LINE : TOML_LINE;
  const inside = lines.slice(1, Math.max(1, end));
  return end > 0 && inside.every((line) => line.trim() === '' || metadata.test(line)) ? end : undefined;
}

/** Cells of a table row: split on unescaped pipes outside code spans, outer pipes dropped. */
function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\' && row[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      cell += c;
    } else if (c === '|' && !inCode) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  if (cells[0]!.trim() === '') cells.shift();
  if (cells.length > 0 && cells.at(-1)!.trim() === '') cells.pop();
  return cells.map((c) => c.trim());
}

const isTableStart = (lines: readonly string[], i: number) =>
  lines[i]!.includes('|') && i + 1 < lines.length && TABLE_DELIMITER.test(lines[i + 1]!) && lines[i + 1]!.includes('-');

/** Reads the blocks of a Markdown document into paragraphs of lines. */
class BlockReader {
  private readonly paragraphs: string[][] = [];
  private current: string[] = [];
  private fence: { marker: string; indent: number } | undefined;
  private inComment = false;
  private inTable = false;
  private inCode = false;
  private inList = false;

  constructor(
    private readonly lines: readonly string[],
    private readonly definitions: ReadonlySet<string>,
  ) {}

  read(): string {
    for (let i = 0; i < this.lines.length; i++) i = this.line(i);
    this.end();
    return this.paragraphs.map((p) => p.join('\n')).join('\n\n');
  }

  /** Reads line i; returns the index of the last line it used (a table's delimiter row is used with its header). */
  private line(i: number): number {
    if (this.fence) {
      this.fenced(this.lines[i]!);
      return i;
    }
    const visible = this.outsideComments(this.lines[i]!);
    if (visible === undefined) return i;
    const line = visible.replace(/^(?: {0,3}> ?)+/, '');
    if (line.trim() === '') this.end();
    else if (this.inTable && line.includes('|')) this.add(this.tableRow(line));
    else return this.block(line, i);
    return i;
  }

  private block(line: string, i: number): number {
    this.inTable = false;
    // A flush-left line that starts a new block and is no list item ends the list.
    if (this.current.length === 0 && !/^[ \t]/.test(line) && !isListItem(line)) this.inList = false;
    if (this.inCode && !isIndentedCode(line)) this.end();
    const fence = FENCE.exec(line);
    const heading = atxHeading(line);
    if (fence && !(fence[2]!.startsWith('`') && fence[3]!.includes('`'))) {
      this.end();
      this.fence = { marker: fence[2]!, indent: fence[1]!.length };
      this.inCode = true;
    } else if (this.inCode) {
      this.add(line.replace(/^(?: {4}|\t)/, ''));
    } else if (heading !== undefined) {
      this.paragraph(inlineText(heading, this.definitions));
    } else if ((SETEXT_UNDERLINE.test(line) && this.current.length > 0 && !this.inList) || THEMATIC_BREAK.test(line)) {
      // A setext underline turns the paragraph above into a heading; a thematic break just separates.
      this.end();
    } else if (isTableStart(this.lines, i)) {
      this.end();
      this.inTable = true;
      this.add(this.tableRow(line));
      return i + 1;
    } else if (LINK_DEFINITION.test(line) || this.listItem(line)) {
      // A definition is not shown; a list item was added.
    } else if (isIndentedCode(line) && this.current.length === 0 && !this.inList) {
      this.inCode = true;
      this.add(line.replace(/^(?: {4}|\t)/, ''));
    } else {
      this.text(line);
    }
    return i;
  }

  private tableRow(line: string): string {
    return tableCells(line)
      .map((cell) => inlineText(cell, this.definitions))
      .join('\t');
  }

  private listItem(line: string): boolean {
    const bullet = BULLET_ITEM.exec(line);
    const ordered = bullet ? undefined : ORDERED_ITEM.exec(line);
    if (!bullet && !ordered) return false;
    const indent = expandTabs((bullet ?? ordered)![1]!);
    const marker = bullet ? '-' : `${ordered![2]}.`;
    const content = inlineText((bullet ? bullet[2] : ordered![3]) ?? '', this.definitions).trim();
    this.inList = true;
    this.add(`${indent}${marker} ${content}`.trimEnd());
    return true;
  }

  private text(line: string): void {
    // Trailing double spaces or a backslash mark a hard line break; lines stay lines anyway.
    const content = inlineText(line.trim().replace(/\\$/, ''), this.definitions).trim();
    if (content !== '') this.add(content);
  }

  private fenced(line: string): void {
    const close = new RegExp(`^ {0,3}${this.fence!.marker[0]}{${this.fence!.marker.length},}[ \\t]*$`);
    if (close.test(line)) {
      this.fence = undefined;
      this.end();
    } else {
      this.current.push(line.replace(new RegExp(`^ {0,${this.fence!.indent}}`), ''));
    }
  }

  /** The part of a line outside HTML comments, or undefined if the line is all comment. */
  private outsideComments(line: string): string | undefined {
    if (this.inComment) {
      const close = line.indexOf('-->');
      if (close < 0) return undefined;
      this.inComment = false;
      line = line.slice(close + 3);
    }
    line = withoutComments(line);
    const open = line.indexOf('<!--');
    if (open >= 0) {
      this.inComment = true;
      line = line.slice(0, open);
      if (line.trim() === '') return undefined;
    }
    return line;
  }

  private add(line: string): void {
    this.current.push(...line.split('\n'));
  }

  private paragraph(text: string): void {
    this.end();
    if (text.trim() !== '') this.paragraphs.push([text]);
  }

  /** Ends the paragraph; code keeps its inner blank lines. */
  private end(): void {
    const blank = (l: string) => l.trim() === '';
    let lines = this.current;
    if (this.inCode) {
      const first = lines.findIndex((l) => !blank(l));
      const last = lines.findLastIndex((l) => !blank(l));
      lines = first < 0 ? [] : lines.slice(first, last + 1);
    } else {
      lines = lines.filter((l) => !blank(l));
    }
    if (lines.length > 0) this.paragraphs.push(lines);
    this.current = [];
    this.inCode = false;
    this.inTable = false;
  }
}

/** The text a reader sees in a Markdown document, and whether front matter was left out. */
export function readMarkdown(source: string): { text: string; frontMatter: boolean } {
  const all = source.split(/\r\n|\r|\n/);
  const end = frontMatterEnd(all);
  const lines = end === undefined ? all : all.slice(end + 1);
  return { text: new BlockReader(lines, linkDefinitions(lines)).read(), frontMatter: end !== undefined };
}

export const markdownToText = (source: string): string => readMarkdown(source).text;

export const markdownExtractor: Extractor = {
  format: 'markdown',
  extensions: ['md', 'markdown'],
  mediaType: 'text/markdown',
  async extract(bytes, limits): Promise<Extracted> {
    if (bytes.length > limits.maxFileBytes) {
      throw unreadable(`the file is ${mb(bytes.length)}, more than the ${mb(limits.maxFileBytes)} allowed`);
    }
    const { text: source, encoding, bom } = decodeText(bytes);
    const { text, frontMatter } = readMarkdown(source);
    if (text.length > limits.maxTextLength) {
      throw unreadable(`the document's text is longer than the ${limits.maxTextLength} characters allowed: split the file and import the parts`);
    }
    const warnings: string[] = [];
    if (encoding !== 'utf-8') warnings.push(`the file is not UTF-8: it was read as ${encoding.toUpperCase()}`);
    if (frontMatter) warnings.push('the front matter (metadata at the top of the file) was left out');
    return { text, encoding, bom, warnings };
  },
};
