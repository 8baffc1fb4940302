// GET /api/projects/:id/report through Fastify's injector on the demo study (a
// real SQLite file): the report as a download, and requests it refuses.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { ProjectStore } from '../store/store.ts';
import { useDemoServer } from '../../test/support/demo-server.ts';

const demo = useDemoServer();
let project: ProjectStore;
let app: FastifyInstance;

before(async () => {
  ({ project, app } = await demo);
});

const url = (query: string) => `/api/projects/${project.id}/report?${query}`;

test('the report is a download in the format and language asked for', async () => {
  const coder = (await project.listUsers()).find((u) => u.role === 'coder')!;
  const r = await app.inject({ method: 'GET', url: url(`format=html&lang=fr&coder=${coder.id}`) });
  assert.equal(r.statusCode, 200);
  assert.match(String(r.headers['content-type']), /^text\/html; charset=utf-8/);
  assert.match(String(r.headers['content-disposition']), /^attachment; filename=".*findings report \(fr\)\.html"; filename\*=UTF-8''/);
  assert.match(r.body, /^<!doctype html>\n<html lang="fr">/);
  assert.match(r.body, /Résultats par domaine/);
});

test('a bad format, language or coder is refused, naming what is wrong', async () => {
  const format = await app.inject({ method: 'GET', url: url('format=xlsx&lang=en') });
  assert.equal(format.statusCode, 400);
  assert.match(format.json<{ error: { message: string } }>().error.message, /^query\.format: /);
  const lang = await app.inject({ method: 'GET', url: url('format=html&lang=de') });
  assert.equal(lang.statusCode, 400);
  assert.match(lang.json<{ error: { message: string } }>().error.message, /^query\.lang: /);
  const coder = await app.inject({ method: 'GET', url: url('format=html&lang=en&coder=nobody') });
  assert.equal(coder.statusCode, 404);
  assert.match(coder.json<{ error: { message: string } }>().error.message, /nobody/);
});
