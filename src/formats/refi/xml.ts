// Safe reading and writing of REFI-QDA XML (project.qde, .qdc).
//
// Hostile input is refused before any parsing: bytes that are not UTF-8, a DTD
// (the only way to define entities, hence entity expansion or external fetches),
// oversized attributes and deep nesting. The parser's own entity processing is
// off; we decode the five XML entities and character references ourselves.

import { XMLValidator } from 'fast-xml-parser';
import { ATTRIBUTES, CDATA, TEXT, xmlTreeParser, type XmlNode } from '../xml-tree.ts';
import { hasDoctype } from '../zip.ts';
import { decodeXmlText } from '../odt.ts';
import { unreadable } from '../types.ts';

/** One element: local name (namespace prefix removed), attributes, child elements and its own text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface XmlLimits {
  /** Longest attribute value, in UTF-16 units. */
  maxAttributeLength: number;
  /** Deepest element nesting (code trees are the deepest part). */
  maxDepth: number;
}

export const XML_LIMITS: XmlLimits = { maxAttributeLength: 64 * 1024, maxDepth: 200 };


const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 (a BOM is allowed and removed); anything else is refused. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return UTF8.decode(bytes); // TextDecoder drops a leading BOM
  } catch {
    throw unreadable(`${what} is not valid UTF-8 text`);
  }
}


/** Namespace prefixes are dropped (REFI files use one namespace); xmlns declarations are kept as written. */
const localName = (name: string) => (name.startsWith('xmlns') ? name : name.replace(/^[^:]*:/, ''));

function toElement(node: XmlNode, limits: XmlLimits): XmlElement | null {
  const tag = Object.keys(node).find((k) => k !== ATTRIBUTES);
  if (!tag || tag === TEXT || tag === CDATA || tag.startsWith('?') || tag === '#comment') return null;
  const name = localName(tag);
  const attrs: Record<string, string> = {};
  const rawAttrs = node[ATTRIBUTES];
  if (typeof rawAttrs === 'object' && rawAttrs !== null) {
    for (const [key, value] of Object.entries(rawAttrs as Record<string, unknown>)) {
      if (typeof value !== 'string') continue;
      if (value.length > limits.maxAttributeLength) {
        throw unreadable(`attribute ${key} of <${name}> is ${value.length} characters long, more than the ${limits.maxAttributeLength} allowed`);
      }
      attrs[localName(key)] = decodeXmlText(value);
    }
  }
  const children: XmlElement[] = [];
  let text = '';
  const content = node[tag];
  for (const child of Array.isArray(content) ? (content as XmlNode[]) : []) {
    if (typeof child[TEXT] === 'string') text += decodeXmlText(child[TEXT]);
    else if (Array.isArray(child[CDATA])) {
      for (const part of child[CDATA] as XmlNode[]) if (typeof part[TEXT] === 'string') text += part[TEXT];
    } else {
      const element = toElement(child, limits);
      if (element) children.push(element);
    }
  }
  return { name, attrs, children, text };
}

/** Parses a whole XML document into its root element, refusing what a hostile file could abuse. */
export function parseXml(bytes: Uint8Array, what: string, limits: XmlLimits = XML_LIMITS): XmlElement {
  if (hasDoctype(bytes)) throw unreadable(`${what} contains a DTD (<!DOCTYPE>), which REFI-QDA files never need: refused for safety`);
  const xml = decodeUtf8(bytes, what);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw unreadable(`${what} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); the file may be cut short`);
  }
  let nodes: XmlNode[];
  try {
    nodes = xmlTreeParser(limits.maxDepth).parse(xml) as XmlNode[];
  } catch (err) {
    throw unreadable(`${what} could not be read as XML: ${(err as Error).message}`);
  }
  for (const node of nodes) {
    const element = toElement(node, limits);
    if (element) return element;
  }
  throw unreadable(`${what} has no root element`);
}

export const child = (e: XmlElement, name: string): XmlElement | undefined => e.children.find((c) => c.name === name);
export const childrenNamed = (e: XmlElement, name: string): XmlElement[] => e.children.filter((c) => c.name === name);

// ---- writing ----

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces what XML cannot carry with U+FFFD; callers report it. */
export const xmlSafe = (s: string) => s.replace(NOT_XML, '\ufffd');

/** True if the string survives an XML round trip unchanged. */
export const isXmlSafe = (s: string) => xmlSafe(s) === s;

/** An element to write: attributes in order (undefined ones are left out), then children or text. */
export interface OutElement {
  name: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  children?: OutElement[];
  text?: string;
}

function write(e: OutElement, indent: string, out: string[]): void {
  const attrs = Object.entries(e.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(xmlSafe(String(v)))}"`)
    .join('');
  const kids = e.children ?? [];
  if (e.text !== undefined) out.push(`${indent}<${e.name}${attrs}>${escapeText(xmlSafe(e.text)).replace(/\r/g, '&#13;')}</${e.name}>`);
  else if (kids.length === 0) out.push(`${indent}<${e.name}${attrs}/>`);
  else {
    out.push(`${indent}<${e.name}${attrs}>`);
    for (const k of kids) write(k, `${indent}  `, out);
    out.push(`${indent}</${e.name}>`);
  }
}

/** A UTF-8 XML document with declaration. */
export function serializeXml(root: OutElement): Uint8Array {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, '', out);
  return new TextEncoder().encode(`${out.join('\n')}\n`);
}
