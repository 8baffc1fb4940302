import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, sniffDelimiter } from './csv.ts';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

test('plain and quoted fields, doubled quotes, empty fields', () => {
  assert.deepEqual(fields('a,b,c\n1,"two, too","say ""hi"""\n,,\n'), [
    ['a', 'b', 'c'],
    ['1', 'two, too', 'say "hi"'],
    ['', '', ''],
  ]);
  assert.deepEqual(fields('"",x\n""'), [['', 'x'], ['']]);
});

test('CRLF, LF and CR row ends; embedded line breaks stay in the field; line numbers follow the file', () => {
  const rows = parseCsv('h1,h2\r\n"multi\r\nline",é😀\nnext,"a\nb\nc"\rlast,row');
  assert.deepEqual(rows, [
    { fields: ['h1', 'h2'], line: 1 },
    { fields: ['multi\r\nline', 'é😀'], line: 2 },
    { fields: ['next', 'a\nb\nc'], line: 4 },
    { fields: ['last', 'row'], line: 7 },
  ]);
});

test('a BOM is dropped; blank lines are skipped; rows may be uneven', () => {
  assert.deepEqual(parseCsv('\ufeffspeaker,text\n\n\nA,hi,extra\nB\n\n'), [
    { fields: ['speaker', 'text'], line: 1 },
    { fields: ['A', 'hi', 'extra'], line: 4 },
    { fields: ['B'], line: 5 },
  ]);
});

test('spreadsheet sloppiness: quotes inside unquoted fields and text after a closing quote are kept', () => {
  assert.deepEqual(fields('5" screen,"quoted"tail,x'), [['5" screen', 'quotedtail', 'x']]);
});

test('an unclosed quote is an error naming the line where the field began', () => {
  assert.throws(() => parseCsv('a,b\n1,2\n3,"never closed\nmore\n'), /line 3: a quoted field is never closed/);
});

test('the delimiter is sniffed from the header line, outside quotes', () => {
  assert.equal(sniffDelimiter('speaker,text\n'), ',');
  assert.equal(sniffDelimiter('Locuteur;Début;Texte\r\nA;1,5;b,c,d'), ';');
  assert.equal(sniffDelimiter('speaker\ttext\tstart\n'), '\t');
  assert.equal(sniffDelimiter('"a;b;c",d\n'), ',');
  assert.equal(sniffDelimiter('single\n'), ',');
  assert.deepEqual(fields('x;y\n"1;2";3'), [['x', 'y'], ['1;2', '3']]);
  assert.deepEqual(fields('x\ty\n1,5\t"2\t3"'), [['x', 'y'], ['1,5', '2\t3']]);
});

test('empty input has no rows; a large file parses completely', () => {
  assert.deepEqual(parseCsv(''), []);
  const big = 'speaker,text\n' + 'A,"one, two ""three"""\n'.repeat(200_000);
  const rows = parseCsv(big);
  assert.equal(rows.length, 200_001);
  assert.deepEqual(rows.at(-1), { fields: ['A', 'one, two "three"'], line: 200_001 });
});
