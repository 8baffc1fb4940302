// Generators of RTF documents for tests and benchmarks, written the way Word
// writes them (font table, styles, info, list tables, theme data, Unicode as
// \uN with one '?' fallback). All text is invented.

/** An RTF source string (bytes 0–255 only) as the bytes of a file. */
export function rtfBytes(source: string): Uint8Array {
  return Uint8Array.from(source, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new RangeError(`RTF sources are bytes: U+${code.toString(16)} must be escaped`);
    return code;
  });
}

/** RTF control words for one code point: \uN with N signed 16-bit, astral characters as a surrogate pair. */
function unicodeEscape(codePoint: number): string {
  const units = codePoint > 0xffff ? [0xd800 + ((codePoint - 0x10000) >> 10), 0xdc00 + ((codePoint - 0x10000) & 0x3ff)] : [codePoint];
  return units.map((u) => `\\u${u > 0x7fff ? u - 0x10000 : u}?`).join('');
}

/**
 * Text as RTF body content: "\n\n" ends a paragraph (\par), "\n" is \line, tabs
 * are \tab, braces and backslashes are escaped, non-ASCII is \uN?.
 */
export function rtfText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\n\n/g, '\u2029')) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\u2029') out += '\\par\n';
    else if (ch === '\n') out += '\\line ';
    else if (ch === '\t') out += '\\tab ';
    else if (ch === '\\' || ch === '{' || ch === '}') out += `\\${ch}`;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else out += unicodeEscape(cp);
  }
  return out;
}

export interface RtfOptions {
  /** \ansicpgN of the header (default 1252). */
  codePage?: number;
  /** Leave out the Word-style preamble (font table, styles, info, …). */
  bare?: boolean;
}

// What Word puts before the body: every destination here must stay out of the text.
// Marker words (SECRET…) let tests check that none of it leaks.
const WORD_PREAMBLE = [
  '{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman{\\*\\falt SECRETFALT};}',
  '{\\f1\\fswiss\\fcharset204\\fprq2 Arial Cyr;}{\\f2\\fbidi \\froman\\fcharset2\\fprq2 Symbol;}}',
  '{\\colortbl;\\red0\\green0\\blue0;\\red255\\green0\\blue0;}',
  '{\\*\\defchp \\fs24\\lang2057 }{\\*\\defpap \\ql \\li0\\ri0 }',
  '{\\stylesheet{\\ql \\li0\\ri0\\widctlpar\\f0\\fs24 \\snext0 SECRETSTYLE Normal;}{\\*\\cs10 \\additive Default Paragraph Font;}}',
  '{\\*\\listtable{\\list\\listtemplateid1{\\listlevel\\levelnfc23{\\leveltext\\leveltemplateid2\\\'01\\u-3913 ?;}{\\levelnumbers;}\\f2}{\\listname SECRETLIST;}\\listid1}}',
  '{\\*\\listoverridetable{\\listoverride\\listid1\\listoverridecount0\\ls1}}',
  '{\\*\\rsidtbl \\rsid1\\rsid2}{\\mmathPr\\mmathFont34}',
  '{\\*\\generator Microsoft Word 16.0 SECRETGENERATOR;}',
  '{\\info{\\title SECRETTITLE}{\\author SECRETAUTHOR}{\\*\\company SECRETCOMPANY}{\\creatim\\yr2024\\mo3\\dy4\\hr10\\min5}{\\version2}}',
  '{\\*\\xmlnsdecl \\xmlns1 http://schemas.microsoft.com/office/word/2003/wordml}',
  '\\paperw11906\\paperh16838\\margl1440\\margr1440 \\sectd \\linex0\\endnhere\\sectlinegrid360',
  '{\\header \\pard\\plain \\ql \\f0 SECRETHEADER {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}\\par}',
  '{\\footer \\pard\\plain \\ql \\f0 SECRETFOOTER\\par}',
].join('\n');

// What Word puts after the body.
const WORD_POSTAMBLE = [
  '{\\*\\themedata 504b030414000600080000002100e9de0fbfff0000001c020000130000005b436f6e74656e745f54797065735d2e786d6c}',
  '{\\*\\colorschememapping 3c3f786d6c2076657273696f6e3d22312e30}',
  '{\\*\\latentstyles\\lsdstimax376\\lsdlockeddef0{\\lsdlockedexcept \\lsdqformat1 \\lsdpriority0 \\lsdlocked0 SECRETLATENT;}}',
  '{\\*\\datastore 01050000020000001800000057006f00720064002e0044006f00630075006d0065006e0074002e0038000000}',
].join('\n');

/** A whole RTF document around a body already in RTF syntax. */
export function rtfDocument(body: string, options: RtfOptions = {}): Uint8Array {
  const head = `{\\rtf1\\ansi\\ansicpg${options.codePage ?? 1252}\\deff0\\deflang2057`;
  const parts = options.bare ? [head, body, '}'] : [head, WORD_PREAMBLE, '\\pard\\plain \\ql \\f0\\fs24 ', body, WORD_POSTAMBLE, '}'];
  return rtfBytes(parts.join('\n'));
}

/** One paragraph of a generated interview, with accents, quotes, an emoji and a field. */
function interviewParagraph(i: number): string {
  const speaker = i % 2 === 0 ? 'Interviewer' : 'Am\\u233?lie';
  return (
    `{\\rtlch \\ltrch\\b ${speaker}:}{\\rtlch \\ltrch  Paragraphe ${i}, caf\\'e9 cr\\u232?me ` +
    `\\ldblquote citation\\rdblquote  \\u-10179?\\u-8704? ` +
    `{\\field{\\*\\fldinst HYPERLINK "https://example.invalid/${i}"}{\\fldrslt lien}} et la suite du texte, assez longue pour ressembler \\'e0 une vraie r\\'e9ponse.}\\par\n`
  );
}

/** A Word-style interview of about `targetBytes` bytes, and the number of paragraphs it holds. */
export function largeRtf(targetBytes: number): { bytes: Uint8Array; paragraphs: number } {
  const chunks: string[] = [];
  let size = 0;
  let paragraphs = 0;
  while (size < targetBytes) {
    const p = interviewParagraph(paragraphs++);
    chunks.push(p);
    size += p.length;
  }
  return { bytes: rtfDocument(chunks.join('')), paragraphs };
}
