// One way to declare an API route: its zod schemas validate the request (400
// naming the field), type the handler, and describe the route in OpenAPI.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../core/model.ts';
import { invalid } from '../core/errors.ts';
import type { ProjectStore, Store } from '../store/store.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Input<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  store: Store;
  /** The project named by :projectId, opened for the acting user. */
  project(): Promise<ProjectStore>;
}

export interface Route<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  /** Fastify path, e.g. /api/projects/:projectId/codes/:id */
  url: string;
  tag: string;
  summary: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** JSON body schema; `raw` takes the body as bytes (file uploads). */
  body?: z.ZodType<B> | 'raw';
  /** Success status: 200 by default, 201 for creations, 204 for no content. */
  status?: 200 | 201 | 204;
  response?: z.ZodType;
  handler(input: Input<P, Q, B>): Promise<unknown>;
}

export const route = <P, Q, B>(r: Route<P, Q, B>): Route => r as unknown as Route;

/** A handler's answer that is a file to save, not JSON. */
export class Download {
  constructor(
    readonly filename: string,
    readonly mediaType: string,
    readonly bytes: Uint8Array,
  ) {}
}

/** RFC 6266: an ASCII fallback name and the exact UTF-8 one. */
const contentDisposition = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Names the first invalid field: "body.name: a code needs a name". */
function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [where, ...issue.path.map(String)].join('.');
  throw invalid(`${field}: ${issue.message}`);
}

export const ACTING_USER_HEADER = 'x-crosswise-user';

/** The change log's actor: the user the UI says is working, checked against the project. */
async function actorOf(request: FastifyRequest, store: Store, projectId: string): Promise<ProjectStore> {
  const header = request.headers[ACTING_USER_HEADER];
  const userId = Array.isArray(header) ? header[0] : header;
  const actor: Actor = userId ? { userId } : { system: 'web' };
  const project = await store.openProject(projectId, actor);
  if (userId && !(await project.listUsers()).some((u) => u.id === userId)) throw invalid(`${ACTING_USER_HEADER}: no user ${userId} in this project`);
  return project;
}

export function register(app: FastifyInstance, store: Store, routes: readonly Route[]): void {
  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.url,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const params = r.params ? parse(r.params, request.params, 'path') : request.params;
        const query = r.query ? parse(r.query, request.query, 'query') : {};
        const body = r.body === 'raw' ? request.body : r.body ? parse(r.body, request.body ?? {}, 'body') : undefined;
        const projectId = (params as { projectId?: string }).projectId;
        const project = () => {
          if (!projectId) throw new Error(`route ${r.url} has no :projectId`);
          return actorOf(request, store, projectId);
        };
        const result = await r.handler({ params, query, body, store, project });
        reply.status(r.status ?? 200);
        if (result instanceof Download) {
          return reply.type(result.mediaType).header('content-disposition', contentDisposition(result.filename)).send(Buffer.from(result.bytes));
        }
        return r.status === 204 ? reply.send() : result;
      },
    });
  }
}
