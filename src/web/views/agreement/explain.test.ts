import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainNote, explainReason, explainSkipped, type ExplainFormat } from './explain.ts';

const format: ExplainFormat = { percent: (x) => `${(x * 100).toFixed(1).replace('.', ',')} %`, coded: 'codé', notCoded: 'non codé' };

test('explainNote recognises the report notes and carries their figures', () => {
  assert.deepEqual(
    explainNote(
      'Every character counts for every code, and text no coder coded counts as agreement: here 99.4% of the decisions are such uncoded text, which inflates percent agreement and kappa. Count only coded text (--only-coded) to see agreement where coding happened.',
      format,
    ),
    { key: 'noteEveryCharacter', values: { share: '99,4 %' } },
  );
  assert.deepEqual(explainNote('Only characters at least one coder coded with a code count for that code: …', format), { key: 'noteOnlyCodedCharacters', values: {} });
  assert.deepEqual(explainNote('Unitizing alpha (α_u) per code compares where the coders’ passages begin and end.', format), { key: 'noteUnitizing', values: {} });
  assert.deepEqual(explainNote('Passages are matched across coders when they overlap by at least 50.0% (overlap / union). For each code…', format), {
    key: 'noteSegment',
    values: { overlap: '50,0 %' },
  });
  assert.deepEqual(explainNote('Passages are matched across coders when they overlap by at least 50.0% (overlap / union). … Only passages someone coded with the code count for it.', format), {
    key: 'noteSegmentOnlyCoded',
    values: { overlap: '50,0 %' },
  });
  assert.deepEqual(explainNote('A code is present in a document for a coder who applied it anywhere in it. Only documents where someone applied the code count for it.', format), {
    key: 'noteDocumentOnlyCoded',
    values: {},
  });
  assert.deepEqual(explainNote('Without units that every coder left uncoded, read percent agreement … Unitizing alpha (α_u) is the chance-corrected figure…', format), {
    key: 'noteOnlyCodedChanceCharacter',
    values: {},
  });
  assert.equal(explainNote('Compared the 12 document(s) every one of the coders coded; 4 other(s) left out.', format), null);
  assert.deepEqual(explainNote('Something new.', format), { text: 'Something new.' });
});

test('explainReason recognises why a statistic is undefined', () => {
  assert.deepEqual(explainReason('no variation: every pairable value is "coded", so expected disagreement is 0 and alpha is undefined (not 1)', format), {
    key: 'reasonNoVariationValue',
    values: { value: 'codé' },
  });
  assert.deepEqual(explainReason('no variation: every rating is "not coded", so chance agreement is 1 and kappa is undefined', format), {
    key: 'reasonNoVariationValue',
    values: { value: 'non codé' },
  });
  assert.deepEqual(explainReason('no variation: both coders used one and the same category throughout, so chance agreement is 1 and kappa is undefined', format), {
    key: 'reasonNoVariation',
    values: {},
  });
  assert.deepEqual(explainReason('no unit was coded by all 3 coders', format), { key: 'reasonNoUnitAll', values: { count: '3' } });
  assert.deepEqual(explainReason('no unit has values from two or more coders', format), { key: 'reasonNoPairable', values: {} });
  assert.deepEqual(explainReason('fewer than 2 pairable values: no unit has values from two or more coders', format), { key: 'reasonNoPairable', values: {} });
  assert.deepEqual(explainReason('no coder marked any segment, so there is nothing to compare and alpha is undefined', format), { key: 'reasonNoSegments', values: {} });
  assert.deepEqual(explainReason('a reason nobody wrote yet', format), { text: 'a reason nobody wrote yet' });
});

test('explainSkipped names the coders who did not code the document', () => {
  assert.deepEqual(explainSkipped('not coded by Amira Haddad, Luc Tremblay'), { key: 'skippedNotCodedBy', values: { coders: 'Amira Haddad, Luc Tremblay' } });
  assert.deepEqual(explainSkipped('other'), { text: 'other' });
});
