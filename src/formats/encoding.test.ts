import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from './encoding.ts';

const utf16 = (text: string, be = false) => {
  const le = Buffer.from(text, 'utf16le');
  if (be) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

test('UTF-8 with and without BOM', () => {
  assert.deepEqual(decodeText(Buffer.from('Répondante : oui 😀')), { text: 'Répondante : oui 😀', encoding: 'utf-8', bom: false });
  assert.deepEqual(decodeText(Buffer.from('\ufeffcafé')), { text: 'café', encoding: 'utf-8', bom: true });
});

test('UTF-16 LE and BE with BOM', () => {
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16('Enquêteur : 😀')])), { text: 'Enquêteur : 😀', encoding: 'utf-16le', bom: true });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16('Enquêteur : 😀', true)])), { text: 'Enquêteur : 😀', encoding: 'utf-16be', bom: true });
});

test('UTF-16 without a BOM is refused with advice, not garbled', () => {
  assert.throws(() => decodeText(utf16('Interviewer: hello there, how are you?')), /UTF-16 text without a byte-order mark/);
  assert.throws(() => decodeText(utf16('Interviewer: hello there, how are you?', true)), /UTF-16 text without a byte-order mark/);
});

test('Windows-1252 is recognised by its curly quotes and dashes; Latin-1 otherwise', () => {
  // “Café” – 5 € in Windows-1252
  const cp1252 = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
  assert.deepEqual(decodeText(cp1252), { text: '“Café” – 5 €', encoding: 'windows-1252', bom: false });
  const latin1 = Buffer.from('Enquêteur : déjà', 'latin1');
  assert.deepEqual(decodeText(latin1), { text: 'Enquêteur : déjà', encoding: 'iso-8859-1', bom: false });
});

test('binary and UTF-32 files are refused', () => {
  assert.throws(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48])), /binary data/);
  assert.throws(() => decodeText(Buffer.from('abc\x01\x02\x03\x04\x05\x06')), /binary data \(control characters\)/);
  assert.throws(() => decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])), /UTF-32/);
});

test('invalid sequences after a UTF-8 BOM are reported', () => {
  assert.throws(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62])), /not valid UTF-8/);
});
