// Word .docx files, read with mammoth.
//
// mammoth would inflate whatever the zip holds, so the container is checked and
// inflated by zip.ts first, under the zip-bomb caps, keeping only the XML parts
// (images and embedded files are never inflated). Those parts are handed to
// mammoth as a new uncompressed zip. Its raw-text mode drops soft line breaks,
// so we take its document tree (through `transformDocument`) and write the text
// ourselves: paragraphs apart by a blank line, <w:br/> as "\n", <w:tab/> as "\t".
// External images and links are never fetched: `externalFileAccess` stays off.

import { zipSync, type Zippable } from 'fflate';
import { hasDoctype, readZipEntries, sniffContainer } from './zip.ts';
import { unreadable, type Extractor, type Limits } from './types.ts';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The parts of mammoth's document tree we read (see mammoth/lib/documents.js). */
interface DocNode {
  type: string;
  value?: string;
  children?: DocNode[];
}

/** Package parts mammoth reads are all XML (.xml, .rels); media and embeddings are left compressed. */
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name) || name === 'mimetype';

/** A file that is not a zip container: say what it probably is, and what to do. */
function checkIsZip(bytes: Uint8Array) {
  switch (sniffContainer(bytes)) {
    case 'zip':
      return;
    case 'ole':
      throw unreadable('encrypted or old-format .doc file: save it as .docx without a password');
    case 'empty':
      throw unreadable('the file is empty (0 bytes)');
    case 'other':
      throw unreadable('not a Word .docx file (it is not a zip container): if it is plain text, rename it to .txt; otherwise open it in Word and save it as .docx');
  }
}

function readParts(bytes: Uint8Array, limits: Limits): Map<string, Uint8Array> {
  checkIsZip(bytes);
  const parts = readZipEntries(bytes, limits, isXmlPart);
  const mimetype = parts.get('mimetype');
  if (mimetype && new TextDecoder().decode(mimetype).startsWith('application/vnd.oasis.opendocument')) {
    throw unreadable('this is an OpenDocument file, not a Word .docx: if it is a text document, rename it to .odt');
  }
  if (!parts.has('word/document.xml') && !parts.has('_rels/.rels')) {
    throw unreadable('not a Word .docx file: the zip container has no word/document.xml; open it in Word and save it as .docx');
  }
  for (const part of parts.values()) {
    if (hasDoctype(part)) throw unreadable('the document contains a DTD, which Word never writes: open it in Word and save it again');
  }
  return parts;
}

/** mammoth's document tree for the parts, without letting it convert anything to HTML. */
async function readDocumentTree(parts: Map<string, Uint8Array>): Promise<DocNode> {
  const files: Zippable = {};
  for (const [name, data] of parts) files[name] = data;
  const stored = zipSync(files, { level: 0 });
  let tree: DocNode | undefined;
  // Loaded on first use: mammoth and its dependencies take a third of a second to load.
  const { default: mammoth } = await import('mammoth');
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) },
      {
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        transformDocument: (document: DocNode) => {
          tree = document;
          // An empty body: the HTML conversion we do not need then costs nothing.
          return { ...document, children: [] };
        },
      },
    );
  } catch {
    // mammoth's messages name XML internals, not something a researcher can act on.
    throw unreadable('the Word document is damaged and could not be read: open it in Word and save it again');
  }
  if (!tree) throw unreadable('the Word document could not be read: open it in Word and save it again');
  return tree;
}

/** Text inside a paragraph: runs, links and fields flatten; notes, comments and images add nothing. */
function inlineText(node: DocNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      // Line, page and column breaks all end a line inside the paragraph.
      return '\n';
    case 'paragraph':
      // A paragraph inside a paragraph (a text box): its own line.
      return `${childrenText(node)}\n`;
    case 'noteReference':
    case 'commentReference':
    case 'image':
    case 'bookmarkStart':
    case 'checkbox':
      return '';
    default:
      return childrenText(node);
  }
}

const childrenText = (node: DocNode) => (node.children ?? []).map(inlineText).join('');

/** A table is one block: cells apart by tabs, rows by line breaks, a cell's paragraphs joined by spaces. */
function tableText(table: DocNode): string {
  const rows = (table.children ?? []).filter((r) => r.type === 'tableRow');
  return rows
    .map((row) =>
      (row.children ?? [])
        .filter((c) => c.type === 'tableCell')
        .map((cell) => blocks(cell.children ?? []).join(' ').replace(/[\t\n]+/g, ' '))
        .join('\t'),
    )
    .filter((row) => row.trim() !== '')
    .join('\n');
}

/** Paragraph-level blocks in document order; empty paragraphs (spacing) are dropped. */
function blocks(nodes: readonly DocNode[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph') out.push(childrenText(node));
    else if (node.type === 'table') out.push(tableText(node));
    else out.push(...blocks(node.children ?? []));
  }
  return out.filter((block) => block.trim() !== '');
}

/** The plain text of a .docx: paragraphs apart by "\n\n", soft breaks "\n", tabs "\t". */
export async function docxText(bytes: Uint8Array, limits: Limits): Promise<string> {
  const tree = await readDocumentTree(readParts(bytes, limits));
  return blocks(tree.children ?? []).join('\n\n');
}

export const docxExtractor: Extractor = {
  format: 'docx',
  extensions: ['docx'],
  mediaType: DOCX_MEDIA_TYPE,
  async extract(bytes, limits) {
    const text = await docxText(bytes, limits);
    if (text.trim() === '') throw unreadable('the document has no text (it is empty or holds only images)');
    if (text.length > limits.maxTextLength) {
      throw unreadable(`the document's text is longer than the ${limits.maxTextLength} characters allowed: split it and import the parts`);
    }
    return { text, warnings: [] };
  },
};
