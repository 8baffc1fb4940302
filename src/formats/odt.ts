// OpenDocument text (.odt): content.xml from the zip container (under zip.ts's
// zip-bomb caps), parsed with fast-xml-parser in document order.
//
// Text follows ODF 1.2 part 1 §6.1: white space in paragraphs collapses as in
// HTML (leading and trailing white space ignored), extra spaces are <text:s
// text:c="n"/>, tabs <text:tab/>, line breaks <text:line-break/>. Annotations,
// notes, ruby annotations, drawings and tracked-change records (which hold the
// deleted text) are not part of a paragraph's text. Entities: the parser's own
// processing is off and we decode the five XML entities and character
// references ourselves, so a DTD can never define more (files with one are refused).

import { XMLValidator } from 'fast-xml-parser';
import { ATTRIBUTES, CDATA, TEXT, xmlTreeParser, type XmlNode } from './xml-tree.ts';
import { hasDoctype, listZipEntries, readZipEntries, sniffContainer } from './zip.ts';
import { unreadable, type Extractor, type Limits } from './types.ts';

export const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';

// Nested lists and tables go deep in real documents; the parser's default of 100 is too tight.
const parser = xmlTreeParser(1000);

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five XML entities and numeric character references; anything else is left as written. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name[0] !== '#') return XML_ENTITIES[name]!;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const tagOf = (node: XmlNode): string | undefined => Object.keys(node).find((k) => k !== ATTRIBUTES);
const childrenOf = (node: XmlNode, tag: string): XmlNode[] => {
  const value = node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};
const attribute = (node: XmlNode, name: string): string | undefined => {
  const attrs = node[ATTRIBUTES];
  if (typeof attrs !== 'object' || attrs === null) return undefined;
  const value = (attrs as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
};

/** Elements whose content is not document text: annotations, notes, tracked deletions, drawings, indexes. */
const SKIPPED = new Set([
  'office:annotation',
  'office:annotation-end',
  'text:tracked-changes',
  'text:note',
  'text:ruby-text',
  'text:sequence-decls',
  'text:variable-decls',
  'text:user-field-decls',
  'text:table-of-content',
  'text:illustration-index',
  'text:table-index',
  'text:object-index',
  'text:user-index',
  'text:alphabetical-index',
  'text:bibliography',
  'office:forms',
]);
const isSkipped = (tag: string) => SKIPPED.has(tag) || tag.startsWith('draw:') || tag.startsWith('dr3d:');

/** Builds one paragraph's text, collapsing XML white space but keeping what <text:s>, tabs and breaks say. */
class ParagraphText {
  private out = '';
  private pendingSpace = false;
  constructor(private readonly budget: TextBudget) {}

  /** Character data: white-space runs become one space, dropped at the paragraph's start and end. */
  characters(raw: string) {
    for (const piece of decodeXmlText(raw).split(/([ \t\r\n]+)/)) {
      if (piece === '') continue;
      if (/^[ \t\r\n]/.test(piece)) this.pendingSpace = this.out !== '';
      else this.literal(piece);
    }
  }

  /** Text written as is (spaces from <text:s>, tabs, breaks, ordinary words). */
  literal(text: string) {
    if (this.pendingSpace) this.append(' ');
    this.pendingSpace = false;
    this.append(text);
  }

  /** <text:s text:c="n"/>: n spaces (1 when missing or nonsense), never more than the text may hold. */
  spaces(count: string | undefined) {
    const n = Number.parseInt(count ?? '1', 10);
    this.literal(' '.repeat(Math.min(Number.isFinite(n) && n > 0 ? n : 1, this.budget.max + 1)));
  }

  private append(text: string) {
    this.budget.add(text.length);
    this.out += text;
  }

  toString() {
    return this.out;
  }
}

/** Stops a file from building more text than allowed (e.g. <text:s text:c="1000000000"/> many times). */
class TextBudget {
  private used = 0;
  constructor(readonly max: number) {}
  add(length: number) {
    this.used += length;
    if (this.used > this.max) {
      throw unreadable(`the document's text is longer than the ${this.max} characters allowed: split it and import the parts`);
    }
  }
}

function inline(nodes: readonly XmlNode[], p: ParagraphText) {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined) continue;
    if (tag === TEXT) {
      p.characters(String(node[TEXT]));
    } else if (tag === CDATA) {
      // CDATA (LibreOffice never writes it) is kept as written: no entities, no collapsing.
      for (const c of childrenOf(node, CDATA)) p.literal(String(c[TEXT] ?? ''));
    } else if (tag === 'text:s') {
      p.spaces(attribute(node, 'text:c'));
    } else if (tag === 'text:tab') {
      p.literal('\t');
    } else if (tag === 'text:line-break') {
      p.literal('\n');
    } else if (tag === 'text:p' || tag === 'text:h') {
      // A paragraph nested in a paragraph (only through elements we do not skip): its own line.
      inline(childrenOf(node, tag), p);
      p.literal('\n');
    } else if (!isSkipped(tag)) {
      // Spans, links, fields, ruby bases, meta: their text is the paragraph's.
      inline(childrenOf(node, tag), p);
    }
  }
}

function paragraphText(node: XmlNode, tag: string, budget: TextBudget): string {
  const p = new ParagraphText(budget);
  inline(childrenOf(node, tag), p);
  return p.toString();
}

/** Rows of a table and of its row groups/headers; covered (merged-away) cells hold nothing. */
function tableText(table: XmlNode, budget: TextBudget): string {
  const rows: string[] = [];
  const visit = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'table:table-row') {
        const cells = childrenOf(node, tag)
          .filter((c) => tagOf(c) === 'table:table-cell')
          .map((c) => blocks(childrenOf(c, 'table:table-cell'), budget).join(' ').replace(/[\t\n]+/g, ' '));
        if (cells.some((c) => c.trim() !== '')) rows.push(cells.join('\t'));
      } else if (tag === 'table:table-header-rows' || tag === 'table:table-rows' || tag === 'table:table-row-group') {
        visit(childrenOf(node, tag));
      }
    }
  };
  visit(childrenOf(table, 'table:table'));
  return rows.join('\n');
}

/** Paragraph-level blocks in document order (headings, paragraphs, list items, tables); empty ones dropped. */
function blocks(nodes: readonly XmlNode[], budget: TextBudget): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || tag === TEXT || tag === CDATA || isSkipped(tag)) continue;
    if (tag === 'text:p' || tag === 'text:h') out.push(paragraphText(node, tag, budget));
    else if (tag === 'table:table') out.push(tableText(node, budget));
    // Lists, list items, sections, the body itself: their paragraphs in order.
    else out.push(...blocks(childrenOf(node, tag), budget));
  }
  return out.filter((block) => block.trim() !== '');
}

function checkIsZip(bytes: Uint8Array) {
  switch (sniffContainer(bytes)) {
    case 'zip':
      return;
    case 'ole':
      throw unreadable('this is a Microsoft Office binary file (an old-format .doc or an encrypted document), not an .odt: save it as .odt without a password');
    case 'empty':
      throw unreadable('the file is empty (0 bytes)');
    case 'other':
      throw unreadable('not an OpenDocument .odt file (it is not a zip container): if it is plain text, rename it to .txt; otherwise open it in LibreOffice and save it as .odt');
  }
}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);

/** content.xml as text, after checking the package really is an unencrypted OpenDocument text. */
function readContent(bytes: Uint8Array, limits: Limits): string {
  checkIsZip(bytes);
  const parts = readZipEntries(bytes, limits, (n) => n === 'mimetype' || n === 'content.xml' || n === 'META-INF/manifest.xml');
  const mimetype = parts.get('mimetype');
  // Templates and master documents (text-template, text-master) have the same text body.
  if (mimetype && !decode(mimetype).trim().startsWith(ODT_MEDIA_TYPE)) {
    throw unreadable(`not an OpenDocument text: the file says it is "${decode(mimetype).trim().slice(0, 80)}"; save it as .odt from a word processor`);
  }
  if (!parts.has('content.xml')) {
    if (listZipEntries(bytes).some((e) => e.name === 'word/document.xml')) {
      throw unreadable('this is a Word .docx file, not an .odt: rename it to .docx');
    }
    throw unreadable('not an OpenDocument text: the zip container has no content.xml; open it in LibreOffice and save it as .odt');
  }
  // Password-protected documents encrypt content.xml inside an ordinary zip; the manifest says so.
  const manifest = parts.get('META-INF/manifest.xml');
  if (manifest && decode(manifest).includes('encryption-data')) {
    throw unreadable('the document is password-protected: open it in LibreOffice, save a copy without a password and import that');
  }
  const content = parts.get('content.xml')!;
  if (hasDoctype(content)) throw unreadable('the document contains a DTD, which OpenDocument files never have: save it again from LibreOffice');
  return decode(content);
}

/** The plain text of an .odt: paragraphs and headings apart by "\n\n", line breaks "\n", tabs "\t". */
export function odtText(bytes: Uint8Array, limits: Limits): string {
  const xml = readContent(bytes, limits);
  const damaged = () => unreadable('the document is damaged (content.xml is not valid XML): open it in LibreOffice and save it again');
  // The parser itself is lenient (it accepts mismatched or unclosed tags), so well-formedness is checked first.
  if (XMLValidator.validate(xml) !== true) throw damaged();
  let tree: XmlNode[];
  try {
    tree = parser.parse(xml) as XmlNode[];
  } catch {
    throw damaged();
  }
  const body = findPath(tree, ['office:document-content', 'office:body', 'office:text']);
  if (!body) throw unreadable('not an OpenDocument text: content.xml has no text body');
  return blocks(childrenOf(body, 'office:text'), new TextBudget(limits.maxTextLength)).join('\n\n');
}

function findPath(nodes: readonly XmlNode[], path: readonly string[]): XmlNode | undefined {
  const [first, ...rest] = path;
  const node = nodes.find((n) => tagOf(n) === first);
  if (!node || rest.length === 0) return node;
  return findPath(childrenOf(node, first!), rest);
}

export const odtExtractor: Extractor = {
  format: 'odt',
  extensions: ['odt'],
  mediaType: ODT_MEDIA_TYPE,
  async extract(bytes, limits) {
    const text = odtText(bytes, limits);
    if (text.trim() === '') throw unreadable('the document has no text (it is empty or holds only images)');
    return { text, warnings: [] };
  },
};
