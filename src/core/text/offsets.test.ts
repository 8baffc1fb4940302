import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodePointIndex,
  codePointLength,
  codePointToUtf16,
  codePointToUtf8Byte,
  normaliseText,
  sliceCodePoints,
  utf16ToCodePoint,
  utf8ByteToCodePoint,
} from './offsets.ts';

// A family emoji is 5 code points (3 people joined by 2 ZWJ), 8 UTF-16 units.
const family = '👩\u200d👩\u200d👧';
const text = `a${family}é😀b`; // é precomposed

test('code-point length counts surrogate pairs once', () => {
  assert.equal(codePointLength(''), 0);
  assert.equal(codePointLength('abc'), 3);
  assert.equal(codePointLength(family), 5);
  assert.equal(codePointLength(text), 1 + 5 + 1 + 1 + 1);
  assert.equal(codePointLength('\ud800x'), 2, 'a lone surrogate is one code point');
});

test('code point ↔ UTF-16 round-trips on every boundary of an emoji text', () => {
  const index = new CodePointIndex(text);
  const cps = [...text];
  let u16 = 0;
  for (let cp = 0; cp <= cps.length; cp++) {
    assert.equal(index.toUtf16(cp), u16, `cp ${cp}`);
    assert.equal(index.toCodePoint(u16), cp, `u16 ${u16}`);
    if (cp < cps.length) u16 += cps[cp]!.length;
  }
  assert.equal(index.length, cps.length);
});

test('a UTF-16 offset inside a surrogate pair is refused, not rounded', () => {
  assert.throws(() => utf16ToCodePoint('😀', 1), /inside a surrogate pair/);
});

test('offsets outside the text are refused', () => {
  assert.throws(() => codePointToUtf16('abc', 4), RangeError);
  assert.throws(() => codePointToUtf16('abc', -1), RangeError);
  assert.throws(() => codePointToUtf16('abc', 1.5), RangeError);
});

test('slicing by code points keeps combining characters where they are', () => {
  const combining = 'Cafe\u0301 ok'; // e + COMBINING ACUTE: two code points
  assert.equal(codePointLength(combining), 8);
  assert.equal(sliceCodePoints(combining, 0, 5), 'Cafe\u0301');
  assert.equal(sliceCodePoints(combining, 4, 5), '\u0301');
  assert.equal(sliceCodePoints(text, 1, 6), family);
  assert.equal(sliceCodePoints(text, 7, 8), '😀');
});

test('UTF-8 byte offsets convert to and from code points', () => {
  // a(1) family(4+3+4+3+4=18) é(2) 😀(4) b(1)
  const boundaries = [0, 1, 5, 8, 12, 15, 19, 21, 25, 26];
  boundaries.forEach((byte, cp) => {
    assert.equal(utf8ByteToCodePoint(text, byte), cp);
    assert.equal(codePointToUtf8Byte(text, cp), byte);
  });
  assert.equal(Buffer.byteLength(text, 'utf8'), 26);
  assert.throws(() => utf8ByteToCodePoint(text, 2), /inside a character/);
  assert.throws(() => utf8ByteToCodePoint(text, 27), /past the end/);
  assert.throws(() => codePointToUtf8Byte(text, 11), RangeError);
});

test('normalising CRLF text maps offsets both ways', () => {
  const raw = 'one\r\ntwo\r\n😀three';
  const { text: norm, map, lineEndings, hadBom } = normaliseText(raw);
  assert.equal(norm, 'one\ntwo\n😀three');
  assert.equal(lineEndings, 'crlf');
  assert.equal(hadBom, false);
  assert.equal(map.rawLength, codePointLength(raw));
  assert.equal(map.normalisedLength, codePointLength(norm));
  // "two" is [4,7) normalised and [5,8) raw.
  assert.equal(map.toRaw(4), 5);
  assert.equal(map.toRaw(7, 'end'), 8);
  assert.equal(map.toNormalised(5), 4);
  // "three" after an emoji: code points, not UTF-16 units.
  const threeAt = [...norm].indexOf('t', 5);
  assert.equal(sliceCodePoints(raw, map.toRaw(threeAt), map.toRaw(threeAt + 5, 'end')), 'three');
  // The LF at normalised 3 is raw 4; the removed CR at raw 3 maps onto it.
  assert.equal(map.toRaw(3), 4);
  assert.equal(map.toNormalised(3), 3);
  // A range ending just before a line break does not swallow the CR.
  assert.equal(sliceCodePoints(raw, map.toRaw(0), map.toRaw(3, 'end')), 'one');
});

test('every kept character maps to itself through the raw text', () => {
  const raw = '\ufeffL1\r\nL2\rL3\nL4\r\n\r\nend👩\u200d👧';
  const { text: norm, map, lineEndings, hadBom } = normaliseText(raw);
  assert.equal(hadBom, true);
  assert.equal(lineEndings, 'mixed');
  assert.equal(norm, 'L1\nL2\nL3\nL4\n\nend👩\u200d👧');
  const rawChars = [...raw];
  [...norm].forEach((ch, n) => {
    const r = map.toRaw(n);
    const expected = rawChars[r] === '\r' ? '\n' : rawChars[r]; // lone CR became LF
    assert.equal(ch, expected, `normalised ${n} → raw ${r}`);
    assert.equal(map.toNormalised(r), n);
  });
  assert.equal(map.toRaw(norm.length === 0 ? 0 : codePointLength(norm), 'end'), rawChars.length);
});

test('a BOM-only or empty text normalises to nothing', () => {
  assert.equal(normaliseText('').text, '');
  const bomOnly = normaliseText('\ufeff');
  assert.equal(bomOnly.text, '');
  assert.equal(bomOnly.map.toRaw(0), 1);
  assert.equal(bomOnly.map.toRaw(0, 'end'), 0);
  assert.equal(normaliseText('no breaks').lineEndings, 'none');
  assert.equal(normaliseText('a\nb').map.removed.length, 0);
});

/** normaliseText written the slow, obvious way, over code points. */
function normaliseByCodePoints(raw: string) {
  const chars = [...raw];
  const removed: number[] = [];
  const out: string[] = [];
  chars.forEach((ch, k) => {
    if (k === 0 && ch === '\ufeff') removed.push(0);
    else if (ch === '\r' && chars[k + 1] === '\n') removed.push(k);
    else out.push(ch === '\r' ? '\n' : ch);
  });
  const body = chars.slice(chars[0] === '\ufeff' ? 1 : 0);
  const lf = body.filter((ch, k) => ch === '\n' && body[k - 1] !== '\r').length;
  const crlf = body.filter((ch, k) => ch === '\r' && body[k + 1] === '\n').length;
  const cr = body.filter((ch, k) => ch === '\r' && body[k + 1] !== '\n').length;
  const kinds = [lf, crlf, cr].filter((n) => n > 0).length;
  const lineEndings = kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : lf ? 'lf' : crlf ? 'crlf' : 'cr';
  return { text: out.join(''), removed, rawLength: chars.length, lineEndings };
}

test('normalising, counting and indexing agree with a code-point-by-code-point reference on random texts', () => {
  const alphabet = ['a', 'é', '\r', '\n', '😀', '\ud800', '\udc00', '\ufeff', ' '];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let round = 0; round < 500; round++) {
    const raw = Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const got = normaliseText(raw);
    const want = normaliseByCodePoints(raw);
    const label = JSON.stringify(raw);
    assert.equal(got.text, want.text, label);
    assert.deepEqual(got.map.removed, want.removed, label);
    assert.equal(got.map.rawLength, want.rawLength, label);
    assert.equal(got.lineEndings, want.lineEndings, label);
    assert.equal(codePointLength(raw), [...raw].length, label);
    assert.equal(new CodePointIndex(raw).length, [...raw].length, label);
  }
});
