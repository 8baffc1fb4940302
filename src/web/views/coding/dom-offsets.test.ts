import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodePointIndex } from '../../../core/text/offsets.ts';
import { boundaryToCodePoint, codePointToTextPoint, rangeToTextPieces } from './dom-offsets.ts';
import { layoutDocument } from './text-layout.ts';

const text = 'Q: Ça va 😀 très bien.\nR: Oui, merci 👍🏽 beaucoup.\n';
const turns = [
  { speaker: 'Q', start: 0, end: 21 },
  { speaker: 'R', start: 22, end: 48 },
];
const index = new CodePointIndex(text);
const layout = layoutDocument(text, turns, index);
const [q, r] = layout.blocks;

test('the fixture has the expected blocks', () => {
  assert.equal(index.slice(q!.start, q!.end), 'Ça va 😀 très bien.');
  assert.equal(index.slice(r!.start, r!.end), 'Oui, merci 👍🏽 beaucoup.');
});

test('a selection after an emoji maps to code points, not UTF-16 units', () => {
  const node = text.slice(q!.u16Start, q!.u16End);
  const from = node.indexOf('très');
  const start = boundaryToCodePoint(layout, index, { kind: 'text', block: 0, offset: from });
  const end = boundaryToCodePoint(layout, index, { kind: 'text', block: 0, offset: from + 4 });
  assert.equal(index.slice(start, end), 'très');
  assert.equal(start, 11, '"Q: Ça va " is 9 code points, the emoji 1, the space 1');
  assert.equal(text.indexOf('très'), 12);
  const rNode = text.slice(r!.u16Start, r!.u16End);
  const b = rNode.indexOf('beaucoup');
  const s2 = boundaryToCodePoint(layout, index, { kind: 'text', block: 1, offset: b });
  assert.equal(index.slice(s2, s2 + 8), 'beaucoup');
});

test('code points map back to text-node offsets round trip', () => {
  for (let cp = 0; cp <= index.length; cp++) {
    for (const affinity of ['start', 'end'] as const) {
      const p = codePointToTextPoint(layout, index, cp, affinity)!;
      const back = boundaryToCodePoint(layout, index, { kind: 'text', ...p });
      const b = layout.blocks[p.block]!;
      if (cp >= b.start && cp <= b.end) assert.equal(back, cp, `cp ${cp} ${affinity}`);
      else assert.equal(back, cp < b.start ? b.start : b.end, `cp ${cp} in a lead or the tail`);
    }
  }
});

test('a position in a hidden lead goes to the next block start or the previous block end', () => {
  const inLabel = r!.lead + 1;
  assert.deepEqual(codePointToTextPoint(layout, index, inLabel, 'start'), { block: 1, offset: 0 });
  assert.deepEqual(codePointToTextPoint(layout, index, inLabel, 'end'), { block: 0, offset: q!.u16End - q!.u16Start });
  assert.equal(boundaryToCodePoint(layout, index, { kind: 'before', block: 1 }), r!.start);
  assert.equal(boundaryToCodePoint(layout, index, { kind: 'after', block: 0 }), q!.end);
});

test('the end of a block is shown at the end of its own text node, whatever the affinity', () => {
  const end = { block: 0, offset: q!.u16End - q!.u16Start };
  assert.deepEqual(codePointToTextPoint(layout, index, q!.end, 'start'), end);
  assert.deepEqual(codePointToTextPoint(layout, index, q!.end, 'end'), end);
  assert.deepEqual(codePointToTextPoint(layout, index, r!.start, 'end'), { block: 1, offset: 0 });
});

test('an offset inside a surrogate pair snaps to the start of the character', () => {
  const node = text.slice(q!.u16Start, q!.u16End);
  const inside = node.indexOf('😀') + 1;
  const cp = boundaryToCodePoint(layout, index, { kind: 'text', block: 0, offset: inside });
  assert.equal(index.slice(cp, cp + 1), '😀');
});

test('a range across two turns becomes one piece per block, in UTF-16 offsets of each text node', () => {
  const start = index.toCodePoint(text.indexOf('bien'));
  const end = index.toCodePoint(text.indexOf(' merci'));
  const pieces = rangeToTextPieces(layout, index, start, end);
  const nodeText = (b: number) => text.slice(layout.blocks[b]!.u16Start, layout.blocks[b]!.u16End);
  assert.deepEqual(
    pieces.map((p) => nodeText(p.block).slice(p.start, p.end)),
    ['bien.', 'Oui,'],
  );
});
