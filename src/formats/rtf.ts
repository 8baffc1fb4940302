// Rich Text Format (RTF 1.x, as Word, WordPad, LibreOffice and TextEdit write it)
// to plain text. Written here rather than taken from npm because common RTF
// parsers decode \uN, surrogate pairs, \ucN fallbacks and double-byte code pages
// wrongly, which silently garbles participants' names and quotes.
//
// An RTF file is 7-bit ASCII: groups in braces, control words (\word, \wordN
// followed by one optional delimiting space), control symbols (\~, \{, \'hh) and
// text. Character formatting and destinations are scoped to groups. The reader
// is one loop over the bytes with an explicit group stack (no recursion), so deep
// nesting cannot overflow the call stack; nesting is bounded anyway.
//
// Text comes from the body and from field results; the font table, styles,
// document info, pictures, headers, footers, footnotes, comments, field
// instructions and every ignorable destination ({\* ...}) are skipped. Hidden
// (\v) text and tracked deletions are left out, as a reader of the document
// does not see them.

import { CP1252_C1 } from './encoding.ts';
import { mb, unreadable, type Extracted, type Extractor, type Limits } from './types.ts';

const MAX_DEPTH = 1000;
/** Longest control word the spec allows; longer runs of letters are read but not matched. */
const MAX_WORD = 32;
/** Digits of a numeric parameter kept (the spec's values are 16- or 32-bit). */
const MAX_PARAM_DIGITS = 10;

// ---------------------------------------------------------------- code pages

/** Windows "code page" of Symbol-charset fonts, whose bytes are glyph numbers. */
const SYMBOL_CP = 42;
const DEFAULT_CP = 1252;

const latin1High = Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');

/** Bytes 0x80–0xFF of the single-byte code pages TextDecoder lacks (DOS 437 and 850) or gets wrong (1252). */
const HIGH_HALVES: ReadonlyMap<number, string> = new Map([
  [1252, CP1252_C1 + latin1High],
  [437, 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\xa0'],
  [850, 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\xad±‗¾¶§÷¸°¨·¹³²■\xa0'],
]);

/** Code pages TextDecoder (WHATWG Encoding) reads, by Windows code page number. */
const DECODER_LABELS: ReadonlyMap<number, string> = new Map([
  [874, 'windows-874'],
  [866, 'ibm866'],
  [932, 'shift_jis'],
  [936, 'gbk'],
  [949, 'euc-kr'],
  [950, 'big5'],
  [1250, 'windows-1250'],
  [1251, 'windows-1251'],
  [1253, 'windows-1253'],
  [1254, 'windows-1254'],
  [1255, 'windows-1255'],
  [1256, 'windows-1256'],
  [1257, 'windows-1257'],
  [1258, 'windows-1258'],
  [10000, 'macintosh'],
  [10007, 'x-mac-cyrillic'],
  [20866, 'koi8-r'],
  [21866, 'koi8-u'],
  [28591, 'iso-8859-1'],
  [28592, 'iso-8859-2'],
  [28605, 'iso-8859-15'],
  [50220, 'iso-2022-jp'],
  [51932, 'euc-jp'],
  [54936, 'gb18030'],
  [65001, 'utf-8'],
]);

/** \fcharsetN of a font to the code page its \'hh bytes are in (0 and 1 mean "the document's"). */
const CHARSET_CODE_PAGES: ReadonlyMap<number, number> = new Map([
  [2, SYMBOL_CP],
  [77, 10000],
  [128, 932],
  [129, 949],
  [134, 936],
  [136, 950],
  [161, 1253],
  [162, 1254],
  [163, 1258],
  [177, 1255],
  [178, 1256],
  [186, 1257],
  [204, 1251],
  [222, 874],
  [238, 1250],
  [254, 437],
  [255, 437],
]);

// Bullets of Symbol and Wingdings fonts (both \fcharset2). Word writes them as
// \'b7 in such a font, or as \u-3913 (U+F0B7, the private-use "symbol font"
// range), which means nothing outside that font. Only the common bullets are
// mapped: other glyph numbers depend on the font and are read as Windows-1252.
const SYMBOL_BYTES: ReadonlyMap<number, string> = new Map([
  [0xb7, '•'],
  [0xa7, '▪'],
  [0xd8, '➢'],
  [0xfc, '✓'],
]);
const SYMBOL_PRIVATE_USE: ReadonlyMap<number, string> = new Map([
  [0xf0b7, '•'],
  [0xf0a7, '▪'],
  [0xf0d8, '➢'],
  [0xf0fc, '✓'],
  [0xf076, '❖'],
  [0xf06e, '■'],
]);

/** The WHATWG-style name of a code page, for `Extracted.encoding`. */
function encodingName(cp: number): string {
  if (cp === 437 || cp === 850) return `ibm${cp}`;
  return DECODER_LABELS.get(cp) ?? `windows-${cp}`;
}

function decodeHighHalf(bytes: Uint8Array, high: string): string {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : high[b - 0x80];
  return s;
}

/** Decodes runs of \'hh and literal bytes in a code page, remembering which code pages it could not read. */
class CodePages {
  private readonly decoders = new Map<number, TextDecoder | null>();
  readonly unsupported = new Set<number>();

  decode(bytes: Uint8Array, cp: number): string {
    if (cp === SYMBOL_CP) return this.decodeSymbol(bytes);
    const high = HIGH_HALVES.get(cp);
    if (high !== undefined) return decodeHighHalf(bytes, high);
    const decoder = this.decoder(cp);
    if (decoder) return decoder.decode(bytes);
    if (bytes.some((b) => b >= 0x80)) this.unsupported.add(cp);
    return decodeHighHalf(bytes, HIGH_HALVES.get(DEFAULT_CP)!);
  }

  private decodeSymbol(bytes: Uint8Array): string {
    let s = '';
    for (const b of bytes) s += SYMBOL_BYTES.get(b) ?? decodeHighHalf(Uint8Array.of(b), HIGH_HALVES.get(DEFAULT_CP)!);
    return s;
  }

  private decoder(cp: number): TextDecoder | null {
    let decoder = this.decoders.get(cp);
    if (decoder === undefined) {
      const label = DECODER_LABELS.get(cp);
      try {
        decoder = label ? new TextDecoder(label) : null;
      } catch {
        // A Node built without full ICU lacks the legacy decoders.
        decoder = null;
      }
      this.decoders.set(cp, decoder);
    }
    return decoder;
  }
}

// ---------------------------------------------------------------- output

/**
 * Removes spaces and tabs at the end of every line. A loop, because
 * /[ \t]+$/gm backtracks quadratically on a long run of blanks inside a line.
 */
function trimLineEnds(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
      return line.slice(0, end);
    })
    .join('\n');
}

const isHighSurrogate = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLowSurrogate = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/**
 * Collects the text. Bytes (literal characters and \'hh) are buffered and decoded
 * together, so a double-byte character split over two \'hh escapes decodes as
 * one. \uN code units are paired into astral characters; a lone surrogate
 * becomes U+FFFD rather than corrupting the stored text.
 */
class TextSink {
  private buffer = new Uint8Array(4096);
  private length = 0;
  private bufferCp = DEFAULT_CP;
  private highSurrogate: number | undefined;
  private parts: string[] = [];
  private readonly paragraphs: string[] = [];

  constructor(private readonly codePages: CodePages) {}

  byte(b: number, cp: number): void {
    if (this.highSurrogate !== undefined) this.endSurrogate();
    if (this.length > 0 && cp !== this.bufferCp) this.flushBytes();
    this.bufferCp = cp;
    if (this.length === this.buffer.length) {
      const bigger = new Uint8Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = b;
  }

  /** One UTF-16 code unit from \uN. */
  unit(u: number): void {
    this.flushBytes();
    if (isHighSurrogate(u)) {
      if (this.highSurrogate !== undefined) this.parts.push('\ufffd');
      this.highSurrogate = u;
    } else if (isLowSurrogate(u)) {
      this.parts.push(this.highSurrogate === undefined ? '\ufffd' : String.fromCharCode(this.highSurrogate, u));
      this.highSurrogate = undefined;
    } else {
      this.text(String.fromCharCode(u));
    }
  }

  text(s: string): void {
    this.flushBytes();
    if (this.highSurrogate !== undefined) this.endSurrogate();
    this.parts.push(s);
  }

  paragraph(): void {
    this.text('');
    this.paragraphs.push(this.parts.join(''));
    this.parts = [];
  }

  /** Paragraphs with text, trimmed, separated by a blank line. */
  finish(): string {
    this.paragraph();
    return this.paragraphs
      .map((p) => trimLineEnds(p).replace(/^ +/, ''))
      .filter((p) => /\S/.test(p))
      .join('\n\n');
  }

  private endSurrogate(): void {
    this.highSurrogate = undefined;
    this.parts.push('\ufffd');
  }

  private flushBytes(): void {
    if (this.length === 0) return;
    this.parts.push(this.codePages.decode(this.buffer.subarray(0, this.length), this.bufferCp));
    this.length = 0;
  }
}

// ---------------------------------------------------------------- parsing

/** What a group's text is for. */
type Destination = 'text' | 'fonttbl' | 'skip';

/** The state a group inherits from its parent and restores on close. */
interface Group {
  dest: Destination;
  /** Fallback characters after \uN (\ucN). */
  uc: number;
  font: number | undefined;
  hidden: boolean;
  deleted: boolean;
  /** Inside \upr, whose \*\ud part holds the Unicode text. */
  upr: boolean;
}

// Destinations whose content is not document text (those marked \* are skipped anyway).
const SKIPPED_DESTINATIONS = new Set([
  'colortbl', 'stylesheet', 'info', 'pict', 'nonshppict', 'shpinst', 'object', 'objdata', 'objclass', 'objname',
  'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'footnote', 'annotation', 'atnid', 'atnauthor', 'atndate', 'atnref', 'atnparent',
  'ftnsep', 'ftnsepc', 'ftncn', 'aftnsep', 'aftnsepc', 'aftncn',
  'fldinst', 'fldtype', 'datafield', 'formfield', 'themedata', 'colorschememapping', 'datastore',
  'latentstyles', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnsdecl', 'filetbl', 'revtbl',
  'pgdsctbl', 'protusertbl', 'mmathPr', 'bkmkstart', 'bkmkend', 'xe', 'tc', 'tcn', 'txe', 'rxe', 'template',
  'docvar', 'userprops', 'pn', 'pntxta', 'pntxtb', 'pnseclvl', 'do', 'picprop', 'blipuid', 'falt', 'panose',
  'fname', 'listpicture', 'background', 'nextfile', 'printim', 'creatim', 'revtim', 'buptim', 'author',
  'operator', 'title', 'subject', 'keywords', 'comment', 'doccomm', 'company', 'manager', 'category',
  'hlinkbase', 'password', 'passwordhash', 'wgrffmtfilter', 'htmltag', 'mhtmltag', 'expandedcolortbl',
]);

/** Control words that stand for a character. */
const CHARACTER_WORDS: ReadonlyMap<string, string> = new Map([
  ['line', '\n'],
  ['softline', '\n'],
  ['tab', '\t'],
  ['cell', '\t'],
  // Nested table cells; their rows end inside {\*\nesttableprops …\nestrow}, which is
  // skipped, followed by {\nonesttables\par} for readers like this one.
  ['nestcell', '\t'],
  ['emdash', '—'],
  ['endash', '–'],
  ['emspace', '\u2003'],
  ['enspace', '\u2002'],
  ['qmspace', '\u2005'],
  ['bullet', '•'],
  ['lquote', '‘'],
  ['rquote', '’'],
  ['ldblquote', '“'],
  ['rdblquote', '”'],
  ['zwj', '\u200d'],
  ['zwnj', '\u200c'],
  ['ltrmark', '\u200e'],
  ['rtlmark', '\u200f'],
]);

/** Control words that end a paragraph. */
const BREAK_WORDS = new Set(['par', 'sect', 'page', 'column', 'row']);

/** Control symbols (\x) that stand for a character, as one fallback character each. */
const CHARACTER_SYMBOLS: ReadonlyMap<number, string> = new Map([
  [0x7e, '\u00a0'], // \~ non-breaking space
  [0x5f, '\u2011'], // \_ non-breaking hyphen
  [0x2d, ''], // \- optional hyphen: invisible unless the line breaks there
]);

const LEFT_BRACE = 0x7b;
const RIGHT_BRACE = 0x7d;
const BACKSLASH = 0x5c;
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const hexValue = (c: number) =>
  isDigit(c) ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;

class RtfReader {
  private pos = 0;
  private group: Group = { dest: 'text', uc: 1, font: undefined, hidden: false, deleted: false, upr: false };
  private readonly stack: Group[] = [];
  /** A \* was read: the next control word names an ignorable destination. */
  private ignorable = false;
  /** Fallback characters of the last \uN still to skip. */
  private skipChars = 0;
  private documentCp = DEFAULT_CP;
  private codePageDeclared = false;
  private defaultFont: number | undefined;
  /** The font the font table is describing. */
  private fontBeingDefined: number | undefined;
  private readonly fontCharsets = new Map<number, number>();
  private readonly fontCodePages = new Map<number, number>();
  private droppedHidden = false;
  private droppedDeleted = false;
  private readonly codePages = new CodePages();
  private readonly sink = new TextSink(this.codePages);
  readonly warnings: string[] = [];

  constructor(private readonly bytes: Uint8Array) {}

  read(): { text: string; encoding: string } {
    this.pos = this.header();
    this.body();
    this.trailer();
    const text = this.sink.finish();
    if (this.droppedHidden) this.warnings.push('hidden text (formatted as hidden in the word processor) was left out');
    if (this.droppedDeleted) this.warnings.push('text deleted with track changes on was left out');
    for (const cp of this.codePages.unsupported) {
      this.warnings.push(`code page ${cp} is not supported: its accented characters were read as Windows-1252 and may be wrong`);
    }
    return { text, encoding: encodingName(this.documentCp) };
  }

  /** Position of the opening brace of "{\rtf", after leading whitespace (and a stray UTF-8 byte-order mark). */
  private header(): number {
    let at = this.bytes[0] === 0xef && this.bytes[1] === 0xbb && this.bytes[2] === 0xbf ? 3 : 0;
    while (at < this.bytes.length && (this.bytes[at] === 0x20 || this.bytes[at] === 0x09 || this.bytes[at] === 0x0a || this.bytes[at] === 0x0d)) at++;
    const signature = String.fromCharCode(...this.bytes.subarray(at, at + 5));
    if (signature !== '{\\rtf') {
      throw unreadable('this is not an RTF file: it does not begin with "{\\rtf" (open it in a word processor and save it as RTF again)');
    }
    return at;
  }

  private body(): void {
    const bytes = this.bytes;
    while (this.pos < bytes.length) {
      const c = bytes[this.pos++]!;
      if (c === LEFT_BRACE) this.open();
      else if (c === RIGHT_BRACE) {
        if (this.close()) return;
      } else if (c === BACKSLASH) this.escape();
      else if (c !== 0x0a && c !== 0x0d && c !== 0) this.character(c);
    }
    throw unreadable(
      `the RTF file is truncated or its braces are unbalanced: ${this.stack.length} group(s) never closed (save it again from the word processor)`,
    );
  }

  /**
   * After the root group: whitespace is fine, and so are stray closing braces at
   * the very end (some generators write one too many); anything else after a
   * brace means the document closed early and its remaining text would be lost.
   */
  private trailer(): void {
    const rest = this.bytes.subarray(this.pos);
    const blank = (b: number) => b <= 0x20;
    if (rest.every((b) => blank(b) || b === RIGHT_BRACE)) {
      if (rest.includes(RIGHT_BRACE)) this.warnings.push('extra closing braces at the end of the RTF file were ignored');
      return;
    }
    if (rest.includes(LEFT_BRACE) || rest.includes(RIGHT_BRACE)) {
      throw unreadable('the RTF braces are unbalanced: the document closes before its end (save it again from the word processor)');
    }
    this.warnings.push('text after the end of the RTF document was ignored');
  }

  private open(): void {
    if (this.stack.length >= MAX_DEPTH) {
      throw unreadable(`the RTF groups are nested more than ${MAX_DEPTH} deep: the file is damaged or not a real document`);
    }
    this.stack.push(this.group);
    this.group = { ...this.group };
    this.skipChars = 0;
    this.ignorable = false;
  }

  /** Restores the parent group's state; true when the root group closes. */
  private close(): boolean {
    this.skipChars = 0;
    this.ignorable = false;
    this.group = this.stack.pop()!;
    return this.stack.length === 0;
  }

  private escape(): void {
    if (this.pos >= this.bytes.length) return;
    const c = this.bytes[this.pos]!;
    if (isLetter(c)) return this.controlWord();
    this.pos++;
    if (c === 0x27) return this.hexByte();
    if (c === 0x2a) {
      this.ignorable = true;
      return;
    }
    if (c === BACKSLASH || c === LEFT_BRACE || c === RIGHT_BRACE) return this.character(c);
    // A backslash before a line ending is a paragraph mark (TextEdit writes them).
    if (c === 0x0a || c === 0x0d) return this.word('par', undefined);
    const symbol = CHARACTER_SYMBOLS.get(c);
    if (symbol !== undefined) return this.emit(symbol);
    // \: (index subentry), \| (formula) and unknown symbols produce nothing.
    this.skipChars = 0;
  }

  private controlWord(): void {
    const bytes = this.bytes;
    const start = this.pos;
    while (this.pos < bytes.length && isLetter(bytes[this.pos]!)) this.pos++;
    const name = this.pos - start <= MAX_WORD ? String.fromCharCode(...bytes.subarray(start, this.pos)) : '';
    let param: number | undefined;
    const negative = bytes[this.pos] === 0x2d && isDigit(bytes[this.pos + 1] ?? 0);
    if (negative) this.pos++;
    const digitsStart = this.pos;
    while (this.pos < bytes.length && isDigit(bytes[this.pos]!)) this.pos++;
    if (this.pos > digitsStart) {
      const digits = String.fromCharCode(...bytes.subarray(digitsStart, Math.min(this.pos, digitsStart + MAX_PARAM_DIGITS)));
      param = (negative ? -1 : 1) * Number(digits);
    }
    if (bytes[this.pos] === 0x20) this.pos++;
    this.word(name, param);
  }

  private hexByte(): void {
    const hi = hexValue(this.bytes[this.pos] ?? 0);
    const lo = hexValue(this.bytes[this.pos + 1] ?? 0);
    if (hi < 0 || lo < 0) return;
    this.pos += 2;
    this.character(hi * 16 + lo);
  }

  /** A literal byte or \'hh: one fallback character, or text in the current font's code page. */
  private character(c: number): void {
    if (this.skipChars > 0) {
      this.skipChars--;
      return;
    }
    if (!this.visible(c > 0x20)) return;
    if (c === 0x09) this.sink.text('\t');
    else this.sink.byte(c, this.codePage());
  }

  /** A character from a control word or symbol. */
  private emit(s: string): void {
    if (this.skipChars > 0) {
      this.skipChars--;
      return;
    }
    if (this.visible(s.trim() !== '')) this.sink.text(s);
  }

  /** Whether text in the current group reaches the document, noting what hidden formatting drops. */
  private visible(printable: boolean): boolean {
    const g = this.group;
    if (g.dest !== 'text') return false;
    if (g.hidden || g.deleted) {
      if (printable && g.hidden) this.droppedHidden = true;
      if (printable && g.deleted) this.droppedDeleted = true;
      return false;
    }
    return true;
  }

  private word(name: string, param: number | undefined): void {
    const g = this.group;
    const ignorable = this.ignorable;
    this.ignorable = false;
    this.skipChars = 0;
    if (name === 'bin') return this.skipBinary(param ?? 0);
    if (name === 'ud' && g.upr) {
      g.dest = 'text';
      return;
    }
    if (g.dest === 'skip') return;
    if (ignorable) {
      g.dest = 'skip';
      return;
    }
    if (g.dest === 'fonttbl') return this.fontTableWord(name, param);
    this.textWord(name, param);
  }

  private textWord(name: string, param: number | undefined): void {
    const g = this.group;
    const character = CHARACTER_WORDS.get(name);
    if (character !== undefined) return this.emit(character);
    if (BREAK_WORDS.has(name)) {
      // A paragraph mark inside hidden text still separates the visible paragraphs.
      this.sink.paragraph();
      return;
    }
    if (SKIPPED_DESTINATIONS.has(name)) {
      g.dest = 'skip';
      return;
    }
    switch (name) {
      case 'u':
        return this.unicode(param);
      case 'uc':
        g.uc = Math.max(0, param ?? 1);
        return;
      case 'fonttbl':
        g.dest = 'fonttbl';
        return;
      case 'upr':
        // {\upr{ANSI text}{\*\ud{Unicode text}}}: keep only the \ud part.
        g.dest = 'skip';
        g.upr = true;
        return;
      case 'ansicpg':
        if (param !== undefined && param > 0) {
          this.documentCp = param;
          this.codePageDeclared = true;
        }
        return;
      case 'mac':
      case 'pc':
      case 'pca':
      case 'ansi':
        if (!this.codePageDeclared) this.documentCp = { mac: 10000, pc: 437, pca: 850, ansi: DEFAULT_CP }[name];
        return;
      case 'deff':
        this.defaultFont = param;
        return;
      case 'f':
        g.font = param;
        return;
      case 'plain':
        g.font = undefined;
        g.hidden = false;
        g.deleted = false;
        return;
      case 'v':
        g.hidden = param !== 0;
        return;
      case 'deleted':
        g.deleted = param !== 0;
        return;
    }
  }

  private fontTableWord(name: string, param: number | undefined): void {
    if (name === 'f') this.fontBeingDefined = param;
    else if (this.fontBeingDefined === undefined || param === undefined) return;
    else if (name === 'fcharset') this.fontCharsets.set(this.fontBeingDefined, param);
    else if (name === 'cpg') this.fontCodePages.set(this.fontBeingDefined, param);
  }

  /** \uN: a UTF-16 code unit (negative N counts from 65536), then \ucN fallback characters to skip. */
  private unicode(param: number | undefined): void {
    if (param === undefined) return;
    let unit = param < 0 ? param + 0x10000 : param;
    if (unit < 0 || unit > 0xffff) unit = 0xfffd;
    const symbol = SYMBOL_PRIVATE_USE.get(unit);
    if (this.visible(true)) {
      if (symbol !== undefined) this.sink.text(symbol);
      else this.sink.unit(unit);
    }
    this.skipChars = this.group.uc;
  }

  private skipBinary(length: number): void {
    this.pos = Math.min(this.bytes.length, this.pos + Math.max(0, length));
  }

  /** Code page of \'hh bytes in the current font: its \cpg, its \fcharset, else the document's \ansicpg. */
  private codePage(): number {
    const font = this.group.font ?? this.defaultFont;
    if (font === undefined) return this.documentCp;
    const cpg = this.fontCodePages.get(font);
    if (cpg !== undefined && cpg > 0) return cpg;
    const charset = this.fontCharsets.get(font);
    return (charset !== undefined ? CHARSET_CODE_PAGES.get(charset) : undefined) ?? this.documentCp;
  }
}

/** The plain text of an RTF document; throws `unreadable` for files that are not well-formed RTF. */
export function rtfToText(bytes: Uint8Array): { text: string; encoding: string; warnings: string[] } {
  const reader = new RtfReader(bytes);
  const { text, encoding } = reader.read();
  return { text, encoding, warnings: reader.warnings };
}

function checkSize(bytes: Uint8Array, limits: Limits): void {
  if (bytes.length > limits.maxFileBytes) {
    throw unreadable(`the file is ${mb(bytes.length)}, more than the ${mb(limits.maxFileBytes)} allowed`);
  }
}

export const rtfExtractor: Extractor = {
  format: 'rtf',
  extensions: ['rtf'],
  mediaType: 'application/rtf',
  async extract(bytes, limits): Promise<Extracted> {
    checkSize(bytes, limits);
    const { text, encoding, warnings } = rtfToText(bytes);
    if (text.length > limits.maxTextLength) {
      throw unreadable(`the document's text is longer than the ${limits.maxTextLength} characters allowed: split the file and import the parts`);
    }
    return { text, encoding, warnings };
  },
};
