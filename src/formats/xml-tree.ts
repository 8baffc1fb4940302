// One way to read XML into fast-xml-parser's document-order tree, for every
// format that carries XML (ODT, REFI-QDA): nothing is expanded or interpreted —
// no entities, no declarations, no processing instructions, values as written.

import { XMLParser } from 'fast-xml-parser';

/** A node of the `preserveOrder` tree: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

export const ATTRIBUTES = ':@';
export const TEXT = '#text';
export const CDATA = '#cdata';

/** A parser that keeps document order and refuses nesting deeper than `maxDepth`. */
export function xmlTreeParser(maxDepth: number): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    cdataPropName: CDATA,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: maxDepth,
  });
}
