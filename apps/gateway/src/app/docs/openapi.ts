import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import * as z from 'zod';

/** One HTTP route of the gateway, read from the controllers' own decorators (so the document cannot drift). */
export interface GatewayRoute {
  method: string;
  /** OpenAPI style: `/api/v1/partnerships/{id}` */
  path: string;
  controller: string;
}

export interface RouteDoc {
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  public?: boolean;
}

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;

export function listRoutes(controllers: Type<unknown>[], prefix = 'api/v1'): GatewayRoute[] {
  const routes: GatewayRoute[] = [];
  for (const controller of controllers) {
    const base: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path: string | undefined = Reflect.getMetadata(PATH_METADATA, handler);
      const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
      if (path === undefined || method === undefined) continue;
      routes.push({
        method: RequestMethod[method].toLowerCase(),
        path: join(prefix, base, path).replace(/:(\w+)/g, '{$1}'),
        controller: controller.name.replace(/Controller$/, ''),
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

const ERROR = {
  description: 'Error: `{ code, message, issues?: [{ path, message }] }` (400 names every bad field)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/** OpenAPI 3.1 document of the gateway: every route, with zod-derived schemas where the route has a contract. */
export function buildOpenApi(routes: GatewayRoute[], docs: Record<string, RouteDoc>): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const doc = docs[`${r.method.toUpperCase()} ${r.path}`];
    const parameters = [...r.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[r.path] ??= {};
    paths[r.path][r.method] = {
      tags: [r.controller],
      summary: doc?.summary ?? `${r.controller}: ${r.method.toUpperCase()} ${r.path}`,
      ...(doc?.public ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(doc?.query ? { 'x-query-schema': z.toJSONSchema(doc.query, { io: 'input', unrepresentable: 'any' }) } : {}),
      ...(doc?.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(doc.body, { io: 'input', unrepresentable: 'any' }) } } } }
        : {}),
      responses: {
        '200': {
          description: 'OK',
          ...(doc?.response ? { content: { 'application/json': { schema: z.toJSONSchema(doc.response, { unrepresentable: 'any' }) } } } : {}),
        },
        '400': ERROR,
        ...(doc?.public ? {} : { '401': ERROR, '403': ERROR, '404': ERROR }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'JCM & City-to-City Partnership Platform API',
      version: '1',
      description:
        'Money is integer yen; tonnes are decimal or whole-number strings. Commands that could double-count accept an ' +
        '`Idempotency-Key` header. Sign in with POST /api/v1/auth/login and send `Authorization: Bearer <token>`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
