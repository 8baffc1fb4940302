// The OpenAPI 3.1 description of the API, generated from the same zod schemas
// that validate requests, so the document cannot drift from the code.

import { z } from 'zod';
import type { Route } from './route.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const errorResponse = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { error: { type: 'object', properties: { kind: { type: 'string' }, message: { type: 'string' } }, required: ['kind', 'message'] } },
      },
    },
  },
});

function parameters(route: Route): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  }
  return list;
}

export function openApiDocument(routes: readonly Route[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const status = String(route.status ?? 200);
    const body =
      route.body === 'raw'
        ? { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
        : route.body
          ? { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } }
          : undefined;
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      tags: [route.tag],
      summary: route.summary,
      parameters: parameters(route),
      ...(body ? { requestBody: body } : {}),
      responses: {
        [status]: route.response
          ? { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response, 'output') } } }
          : { description: 'Done' },
        400: errorResponse('Invalid request: the message names the field'),
        404: errorResponse('No such project or record'),
        ...(route.method === 'PATCH' ? { 409: errorResponse('Changed by someone else since the version the edit was based on') } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Crosswise API',
      version,
      description: 'Every position in a text is a Unicode code point offset, 0-based, end exclusive (the REFI-QDA rule).',
    },
    paths,
  };
}
