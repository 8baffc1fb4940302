import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgreementReport, AgreementStatistics } from '../../../analysis/agreement.ts';
import { agreementRows, BOM, csvField, csvStyleFor, toCsv, type CsvLabels } from './csv.ts';

const en = csvStyleFor('en');
const fr = csvStyleFor('fr');

test('csvField quotes separators, quotes and line breaks, and nothing else', () => {
  assert.equal(csvField('Fear of deportation', en), 'Fear of deportation');
  assert.equal(csvField('Obstacles, legal', en), '"Obstacles, legal"');
  assert.equal(csvField('Obstacles, legal', fr), 'Obstacles, legal');
  assert.equal(csvField('a;b', fr), '"a;b"');
  assert.equal(csvField('the “safe” word "here"', en), '"the “safe” word ""here"""');
  assert.equal(csvField('two\nlines', en), '"two\nlines"');
  assert.equal(csvField('Méfiance envers la police', fr), 'Méfiance envers la police');
  assert.equal(csvField(null, en), '');
});

test('csvField writes numbers with the decimal mark of the style', () => {
  assert.equal(csvField(0.8266, en), '0.8266');
  assert.equal(csvField(0.8266, fr), '0,8266');
  assert.equal(csvField(-0.05, fr), '-0,05');
  assert.equal(csvField(5025569, fr), '5025569');
});

test('csvField defuses text that a spreadsheet would run as a formula', () => {
  assert.equal(csvField('=HYPERLINK("x")', en), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField('+1', en), "'+1");
  assert.equal(csvField('@home', en), "'@home");
});

test('toCsv starts with the byte-order mark and ends rows with CRLF', () => {
  const csv = toCsv(
    [
      ['Code', 'κ'],
      ['Peur d’être expulsée', 0.5],
    ],
    fr,
  );
  assert.equal(csv, `${BOM}Code;κ\r\nPeur d’être expulsée;0,5\r\n`);
  assert.equal(new TextEncoder().encode(csv).slice(0, 3).join(), '239,187,191');
});

const stats = (over: Partial<AgreementStatistics>): AgreementStatistics => ({
  units: 100,
  codedBy: [
    { coderId: 'a', units: 10 },
    { coderId: 'b', units: 12 },
  ],
  percentAgreement: { defined: true, value: 0.98765, unanimous: 0.98765, units: 100 },
  cohenKappa: { defined: true, value: 0.812345, weights: 'unweighted', n: 100, observed: 0.98, expected: 0.9, se: 0.01, ci95: [0.8, 0.83], seNull: 0.01, z: 3 },
  fleissKappa: null,
  krippendorffAlpha: { defined: true, value: 0.81301, level: 'nominal', observed: 0.01, expected: 0.1, pairableValues: 200, units: 100 },
  ...over,
});

const report: AgreementReport = {
  unit: 'character',
  onlyCoded: false,
  overlap: null,
  coders: [
    { id: 'a', name: 'Amira Haddad' },
    { id: 'b', name: 'Luc Tremblay' },
  ],
  documents: [],
  skippedDocuments: [],
  overall: stats({}),
  codes: [
    { codeId: 'c1', code: 'Obstacles/Fear', ...stats({}), unitizingAlpha: { defined: true, value: 0.9, observed: 0, expected: 1, coders: 2, segments: 3, length: 100 } },
    {
      codeId: 'c2',
      code: 'Obstacles/Trust, police',
      ...stats({ cohenKappa: { defined: false, reason: 'no variation' }, krippendorffAlpha: { defined: false, reason: 'no alpha' } }),
      unitizingAlpha: null,
    },
  ],
  disagreements: [
    { documentId: 'd', document: 'D', start: 0, end: 1, codeId: 'c1', code: 'Obstacles/Fear', codedBy: ['a'], notCodedBy: ['b'] },
    { documentId: 'd', document: 'D', start: 5, end: 9, codeId: 'c1', code: 'Obstacles/Fear', codedBy: ['b'], notCodedBy: ['a'] },
  ],
  notes: [],
};

const labels: CsvLabels = {
  code: 'Code',
  percent: 'Agreement (%)',
  kappa: 'Cohen κ',
  alpha: 'α',
  unitizingAlpha: 'αu',
  units: 'Units',
  codedBy: (name) => `Coded by ${name}`,
  disagreements: 'Disagreements',
  undefinedBecause: 'Undefined because',
  overall: 'Overall',
  codeName: (_id, path) => path.replace('/', ' › '),
  undefinedAs: (statistic, reason) => `${statistic}: ${reason.toUpperCase()}`,
  reasonSeparator: '; ',
};

test('agreementRows: header, a row per code, overall last; undefined values empty with their reason', () => {
  const rows = agreementRows(report, labels);
  assert.deepEqual(rows[0], ['Code', 'Agreement (%)', 'Cohen κ', 'α', 'αu', 'Units', 'Coded by Amira Haddad', 'Coded by Luc Tremblay', 'Disagreements', 'Undefined because']);
  assert.deepEqual(rows[1], ['Obstacles › Fear', 98.77, 0.8123, 0.813, 0.9, 100, 10, 12, 2, null]);
  assert.deepEqual(rows[2], ['Obstacles › Trust, police', 98.77, null, null, null, 100, 10, 12, 0, 'Cohen κ: NO VARIATION; α: NO ALPHA']);
  assert.deepEqual(rows[3], ['Overall', 98.77, 0.8123, 0.813, null, 100, 10, 12, 2, null]);
  assert.match(toCsv(rows, en), /\r\n"Obstacles › Trust, police",98.77,,,,100,10,12,0,Cohen κ: NO VARIATION; α: NO ALPHA\r\n/);
});

test('agreementRows has no unitizing alpha column outside character level', () => {
  const rows = agreementRows({ ...report, unit: 'segment' }, labels);
  assert.equal(rows[0]!.includes('αu'), false);
  assert.equal(rows[1]!.length, rows[0]!.length);
});
