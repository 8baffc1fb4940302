// The HTTP server: the JSON API over the store (validated by zod, described by
// OpenAPI) and the built web UI. It binds to loopback only: the data is
// confidential and there is no authentication yet.

import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { CrosswiseError, invalid } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import { apiDocsPage } from './api-docs.ts';
import { openApiDocument } from './openapi.ts';
import { register, type Route } from './route.ts';
import { agreementRoutes } from './routes/agreement.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { chartingRoutes } from './routes/charting.ts';
import { codebookRoutes } from './routes/codebook.ts';
import { codingRoutes } from './routes/coding.ts';
import { documentRoutes } from './routes/documents.ts';
import { exchangeRoutes } from './routes/exchange.ts';
import { needsRoutes } from './routes/needs.ts';
import { reportRoutes } from './routes/report.ts';
import { studyRoutes } from './routes/study.ts';
import { staticFile } from './static-files.ts';

export const ROUTES: readonly Route[] = [...studyRoutes, ...documentRoutes, ...codebookRoutes, ...codingRoutes, ...agreementRoutes, ...analysisRoutes, ...exchangeRoutes, ...chartingRoutes, ...needsRoutes, ...reportRoutes];

/** The default place of the built UI (npm run build). */
export const DEFAULT_WEB_ROOT = resolve(import.meta.dirname, '../../dist/web');
const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;
const STATUS = { invalid: 400, not_found: 404, conflict: 409 } as const;

export interface ServerOptions {
  store: Store;
  /** Folder of the built UI; without it only the API is served. */
  webRoot?: string | null;
  version?: string;
}

export function buildServer({ store, webRoot = DEFAULT_WEB_ROOT, version = '0.1.0' }: ServerOptions): FastifyInstance {
  // No request logging: URLs and bodies can carry names and transcript text.
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 1 }, (_req, body, done) => done(null, body));

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
  });

  app.setErrorHandler((error: FastifyError | CrosswiseError, _request, reply) => {
    if (error instanceof CrosswiseError) return reply.status(STATUS[error.kind]).send({ error: { kind: error.kind, message: error.message } });
    const status = 'statusCode' in error && error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      // The message may quote data; say only where it happened.
      process.stderr.write(`crosswise server: internal error (${error.name}${'code' in error && error.code ? ` ${error.code}` : ''})\n`);
      return reply.status(500).send({ error: { kind: 'server', message: 'internal error: the change was not saved' } });
    }
    return reply.status(status).send({ error: { kind: status === 404 ? 'not_found' : 'invalid', message: error.message } });
  });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || !webRoot || request.method !== 'GET') {
      return reply.status(404).send({ error: { kind: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
    }
    const file = await staticFile(webRoot, request.url);
    if (!file) return reply.status(404).send({ error: { kind: 'not_found', message: 'the web UI is not built: run npm run build' } });
    reply.header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.type(file.type).send(file.body);
  });

  register(app, store, ROUTES);
  const openApi = openApiDocument(ROUTES, version);
  app.get('/api/openapi.json', async () => openApi);
  const docs = apiDocsPage(openApi as Parameters<typeof apiDocsPage>[0]);
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docs));
  return app;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Refuses any address but loopback until Crosswise has authentication. */
export function assertLoopback(host: string): void {
  const isLoopback = LOOPBACK.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
  if (!isLoopback) {
    throw invalid(`refusing to listen on ${host}: Crosswise has no authentication yet, so it only listens on this computer (127.0.0.1)`);
  }
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions & { host?: string; port?: number }): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  assertLoopback(host);
  if (options.webRoot !== null && !existsSync(options.webRoot ?? DEFAULT_WEB_ROOT)) {
    throw invalid(`the web UI is not built (${options.webRoot ?? DEFAULT_WEB_ROOT} is missing): run npm run build`);
  }
  const app = buildServer(options);
  await app.listen({ host, port: options.port ?? 4477 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, app, close: () => app.close() };
}
