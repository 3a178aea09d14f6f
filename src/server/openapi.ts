import { z } from 'zod/v4';
import { STATUS } from './errors.ts';
import { API_PREFIX } from './mount.ts';
import type { AnyRoute } from './registry.ts';

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodType): Json =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Json;

/** Path parameters and query parameters of a route as OpenAPI parameter objects. */
function parameters(r: AnyRoute): Json[] {
  const out: Json[] = [];
  for (const [where, s] of [
    ['path', r.params],
    ['query', r.query],
  ] as const) {
    if (!s) continue;
    const js = schemaOf(s) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema });
    }
  }
  return out;
}

function security(r: AnyRoute): Json[] {
  if (r.access === 'public') return [];
  return r.access === 'apikey' ? [{ apiKey: [] }] : [{ session: [] }];
}

/**
 * The OpenAPI 3 document, generated from the same route registry that mounts the routes, so it cannot
 * drift from what the server does. `x-roles` lists the roles (or `apikey`/`public`) each route admits.
 */
export function buildOpenApi(routes: AnyRoute[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = `${API_PREFIX}${r.path.replace(/:(\w+)/g, '{$1}')}`;
    const op: Json = {
      operationId: `${r.method}_${r.path.replace(/[/:{}.-]+/g, '_').replace(/^_|_$/g, '')}`,
      summary: r.summary,
      tags: [r.tag],
      'x-roles': r.access === 'public' || r.access === 'apikey' ? [r.access] : [...r.access],
      parameters: parameters(r),
      security: security(r),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'success',
          content: { [r.produces ?? 'application/json']: {} },
        },
        default: {
          description: 'error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
    if (r.body)
      op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(r.body) } } };
    paths[path] ??= {};
    paths[path][r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vigie API', version: '1' },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'vigie_session' },
        apiKey: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: {
            error: { type: 'string', enum: Object.keys(STATUS) },
            message: { type: 'string' },
            details: { type: 'object' },
          },
        },
      },
    },
  };
}
