// Framework matrices for every adapter: cells keep a summary linked to segments,
// versioned (a stale edit is refused), logged, and checked against the matrix.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CrosswiseError } from '../../core/errors.ts';
import { rangeOf, seed, TEXT, withStore } from './fixtures.ts';

const isConflict = (err: unknown) => err instanceof CrosswiseError && err.kind === 'conflict';

export function frameworkContract(adapter: string, freshLocation: () => Promise<string>): void {
  describe(`framework contract: ${adapter}`, () => {
    test('a cell summary is written, versioned, linked to segments and logged; stale edits are refused', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, luc, fear, shelter, participant, doc } = await seed(store);
        const coding = await p.applyCode({ documentId: doc.id, ...rangeOf(TEXT, 'fear of deportation'), codeId: fear.id, coderId: amira.id });
        const matrix = await p.createFrameworkMatrix({ name: 'Charting', rowKind: 'participant', themeIds: [fear.id, shelter.id] });
        assert.equal((await p.findFrameworkMatrix('charting')).id, matrix.id);
        const input = { matrixId: matrix.id, caseId: participant.id, codeId: fear.id, summary: 'Afraid of removal.', segmentIds: [coding.segmentId], authorId: amira.id };
        const first = await p.writeFrameworkCell(input, 0);
        assert.equal(first.version, 1);
        const second = await p.writeFrameworkCell({ ...input, summary: 'Afraid of removal; stays silent.', segmentIds: [], authorId: luc.id }, 1);
        assert.equal(second.version, 2);
        await assert.rejects(p.writeFrameworkCell({ ...input, summary: 'Based on version 1' }, 1), isConflict);
        await assert.rejects(p.writeFrameworkCell({ ...input, codeId: shelter.id }, 3), isConflict);
        const [cell] = await p.listFrameworkCells(matrix.id);
        assert.deepEqual({ ...cell, updatedAt: '' }, { ...second, updatedAt: '' });
        assert.deepEqual(cell!.segmentIds, []);
        const logged = (await p.changes()).filter((c) => c.entity === 'framework_cell' || c.entity === 'framework_matrix');
        assert.deepEqual(logged.map((c) => `${c.action} ${c.entity}`), ['create framework_matrix', 'create framework_cell', 'update framework_cell']);
      });
    });

    test('cells must be a row case of the matrix’s kind, a theme of it, and segments of that case', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, fear, needs, site, participant, doc } = await seed(store);
        const coding = await p.applyCode({ documentId: doc.id, ...rangeOf(TEXT, 'fear of deportation'), codeId: fear.id, coderId: amira.id });
        const other = await p.createCase({ kind: 'participant', name: 'TOR-01', parentId: site.id });
        const matrix = await p.createFrameworkMatrix({ name: 'M', rowKind: 'participant', themeIds: [fear.id] });
        const base = { matrixId: matrix.id, caseId: participant.id, codeId: fear.id, summary: 's', segmentIds: [], authorId: amira.id };
        await assert.rejects(p.writeFrameworkCell({ ...base, caseId: site.id }), /rows of "M" are participants/);
        await assert.rejects(p.writeFrameworkCell({ ...base, codeId: needs.id }), /not a theme/);
        await assert.rejects(p.writeFrameworkCell({ ...base, caseId: other.id, segmentIds: [coding.segmentId] }), /not in a document of this case/);
        await assert.rejects(p.writeFrameworkCell({ ...base, segmentIds: ['nope'] }), /no segment nope/);
        await assert.rejects(p.createFrameworkMatrix({ name: 'm', rowKind: 'site', themeIds: [] }), /already exists/);
        await assert.rejects(p.createFrameworkMatrix({ name: 'X', rowKind: 'site', themeIds: ['nope'] }), /no code nope/);
        assert.deepEqual(await p.listFrameworkCells(matrix.id), []);
      });
    });

    test('matrix edits are versioned; dropping a theme, deleting its code or the matrix removes cells', async () => {
      await withStore(await freshLocation(), async (store) => {
        const { p, amira, fear, shelter, participant } = await seed(store);
        const matrix = await p.createFrameworkMatrix({ name: 'M', rowKind: 'participant', themeIds: [fear.id, shelter.id] });
        const cell = { matrixId: matrix.id, caseId: participant.id, summary: 's', segmentIds: [], authorId: amira.id };
        await p.writeFrameworkCell({ ...cell, codeId: fear.id });
        await p.writeFrameworkCell({ ...cell, codeId: shelter.id });
        const renamed = await p.updateFrameworkMatrix(matrix.id, { name: 'Renamed', themeIds: [fear.id] }, 1);
        assert.equal(renamed.version, 2);
        await assert.rejects(p.updateFrameworkMatrix(matrix.id, { name: 'Stale' }, 1), isConflict);
        assert.deepEqual((await p.listFrameworkCells(matrix.id)).map((c) => c.codeId), [fear.id]);
        await p.deleteCode(fear.id);
        assert.deepEqual(await p.listFrameworkCells(matrix.id), []);
        await p.deleteFrameworkMatrix(matrix.id);
        assert.deepEqual(await p.listFrameworkMatrices(), []);
      });
    });
  });
}
