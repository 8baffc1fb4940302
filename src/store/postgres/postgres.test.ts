import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { storeContract } from '../contract/store-contract.ts';
import { talliesContract } from '../contract/tallies-contract.ts';
import { servicesContract } from '../contract/services-contract.ts';
import { openStore } from '../open.ts';
import { createDatabase, testServer } from '../../../test/support/postgres.ts';

// The test runner (scripts/test.ts) starts one cluster for the whole suite and
// passes it in CROSSWISE_PG_URL; run alone, this file starts its own.
const server = await testServer();

if (!server) {
  test('PostgreSQL store contract', { skip: 'PostgreSQL is not installed' }, () => {});
} else {
  const adminUrl = server.url;
  after(() => server.stop());
  storeContract('PostgreSQL', () => createDatabase(adminUrl));
  talliesContract('PostgreSQL', () => createDatabase(adminUrl));
  servicesContract('PostgreSQL', () => createDatabase(adminUrl));

  let url = '';
  before(async () => {
    url = await createDatabase(adminUrl);
  });

  test('malformed or unreachable PostgreSQL URLs give one clear error', async () => {
    await assert.rejects(openStore('postgres://'), /malformed PostgreSQL URL/);
    await assert.rejects(openStore('postgres://user:secret@host:notaport/db'), (err: Error) => {
      assert.match(err.message, /malformed PostgreSQL URL/);
      assert.equal(err.message.includes('secret'), false, 'the password is never printed');
      return true;
    });
    await assert.rejects(openStore('postgresql://localhost'), /needs a host and a database name/);
    const unreachable = new URL(url);
    unreachable.port = '1';
    unreachable.password = 'hunter2';
    await assert.rejects(openStore(unreachable.href), (err: Error) => {
      assert.match(err.message, /cannot connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\//);
      return true;
    });
  });

  test('two stores on one PostgreSQL database see each other’s writes', async () => {
    const a = await openStore(url);
    const b = await openStore(url);
    try {
      const p = await a.createProject({ title: 'Shared' }, { system: 'test' });
      await p.createCode({ name: 'From A' });
      const q = await b.openProject('Shared', { system: 'test' });
      assert.deepEqual((await q.listCodes()).map((c) => c.name), ['From A']);
      // Concurrent writers get consecutive change numbers.
      await Promise.all([q.createCode({ name: 'B1' }), p.createCode({ name: 'A1' }), q.createCode({ name: 'B2' })]);
      const seqs = (await p.changes()).map((c) => c.seq);
      assert.deepEqual(seqs, seqs.map((_, i) => i + 1));
    } finally {
      await a.close();
      await b.close();
    }
  });
}
