// Coded passages travel from the database packed one string per document ("start,end,code;…"):
// at a million passages, a row object per passage costs more than the query.

import type { CodeId, DocumentId } from '../../core/model.ts';
import type { CodedPassages } from '../store.ts';

/**
 * One document's packed "start,end,code;…" passages as columns in order of start, with codes
 * numbered as first met. Read character by character: splitting makes three strings a passage.
 */
export function unpackPassages(documentId: DocumentId, packed: string, codeIds: CodeId[], codeIndex: Map<string, number>): CodedPassages['documents'][number] {
  let count = 1;
  for (let at = packed.indexOf(';'); at >= 0; at = packed.indexOf(';', at + 1)) count++;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const codes = new Int32Array(count);
  let sorted = true;
  for (let i = 0, at = 0; i < count; i++) {
    let start = 0;
    for (let c = packed.charCodeAt(at); c !== 44; c = packed.charCodeAt(++at)) start = start * 10 + c - 48;
    let end = 0;
    for (let c = packed.charCodeAt(++at); c !== 44; c = packed.charCodeAt(++at)) end = end * 10 + c - 48;
    const stop = i === count - 1 ? packed.length : packed.indexOf(';', at);
    const codeId = packed.slice(at + 1, stop);
    at = stop + 1;
    let code = codeIndex.get(codeId);
    if (code === undefined) {
      code = codeIds.push(codeId) - 1;
      codeIndex.set(codeId, code);
    }
    starts[i] = start;
    ends[i] = end;
    codes[i] = code;
    if (i > 0 && start < starts[i - 1]!) sorted = false;
  }
  if (sorted) return { documentId, starts, ends, codes };
  // SQL leaves the order of an aggregate's input open (the index usually gives it by start).
  const order = Array.from(starts.keys()).sort((a, b) => starts[a]! - starts[b]!);
  return { documentId, starts: Int32Array.from(order, (i) => starts[i]!), ends: Int32Array.from(order, (i) => ends[i]!), codes: Int32Array.from(order, (i) => codes[i]!) };
}
