import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameworkView, FrameworkViewCell } from '../../../analysis/framework.ts';
import { reading, sameDraft, themeName, withLinks, withPrefill } from './framework.ts';

test('a pre-fill goes after typed text, or replaces only blank text', () => {
  assert.equal(withPrefill('', '“a” (D1)'), '“a” (D1)');
  assert.equal(withPrefill('  \n', '“a” (D1)'), '“a” (D1)');
  assert.equal(withPrefill('Mine.\n', '“a” (D1)'), 'Mine.\n\n“a” (D1)');
  assert.equal(withPrefill('Mine.', ''), 'Mine.');
});

test('links are added once; drafts compare by text and linked set', () => {
  assert.deepEqual(withLinks(['s1', 's2'], ['s2', 's3']), ['s1', 's2', 's3']);
  assert.equal(sameDraft({ summary: 'x', linked: ['a', 'b'] }, { summary: 'x', linked: ['b', 'a'] }), true);
  assert.equal(sameDraft({ summary: 'x', linked: ['a'] }, { summary: 'x', linked: ['a', 'b'] }), false);
  assert.equal(sameDraft({ summary: 'x', linked: [] }, { summary: 'y', linked: [] }), false);
});

test('a row reads one case across themes, a column one theme across cases', () => {
  const cell = (caseId: string, codeId: string): FrameworkViewCell => ({ caseId, codeId, segments: 1, summary: `${caseId}:${codeId}`, linkedSegmentIds: [], version: 0 });
  const view: FrameworkView = {
    matrix: null,
    rowKind: 'site',
    rows: [{ id: 'v', name: 'Vancouver' }, { id: 'w', name: 'Winnipeg' }],
    themes: [{ codeId: 'n', path: 'Needs' }, { codeId: 'o', path: 'Obstacles/Fear' }],
    cells: [[cell('v', 'n'), cell('v', 'o')], [cell('w', 'n'), cell('w', 'o')]],
  };
  assert.deepEqual(reading(view, { row: 1 }).map((r) => [r.label, r.cell.summary]), [['Needs', 'w:n'], ['Obstacles/Fear', 'w:o']]);
  assert.deepEqual(reading(view, { column: 1 }).map((r) => [r.label, r.cell.summary]), [['Vancouver', 'v:o'], ['Winnipeg', 'w:o']]);
  assert.equal(themeName('Obstacles/Fear'), 'Fear');
});
