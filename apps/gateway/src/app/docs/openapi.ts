import * as z from 'zod';
import { GatewayRoute } from '../routes/route';

const ERROR = {
  description: 'Error: `{ code, message, issues?: [{ path, message }] }` (400 names every bad field)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const input = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
const output = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: 'any' });

/** Query parameters, one per top-level field of the query schema (OpenAPI has no "query object"). */
function queryParameters(schema: z.ZodType): object[] {
  const json = input(schema) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

function pathParameters(r: GatewayRoute): object[] {
  const shape = r.params instanceof z.ZodObject ? (r.params.shape as Record<string, z.ZodType>) : {};
  return r.pathParams.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: shape[name] ? input(shape[name]) : { type: 'string' },
  }));
}

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Sent again with a retried request, the command is applied once and its first result returned.',
  schema: { type: 'string', maxLength: 200 },
};

const binaryContent = (mediaTypes: readonly string[]) =>
  Object.fromEntries(mediaTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]));

/** OpenAPI 3.1 document of the gateway: every declared route, with its zod-derived request and response schemas. */
export function buildOpenApi(routes: readonly GatewayRoute[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const parameters = [
      ...pathParameters(r),
      ...(r.query ? queryParameters(r.query) : []),
      ...(r.idempotencyKey ? [IDEMPOTENCY_KEY] : []),
    ];
    const isPublic = r.auth === 'public';
    paths[r.openApiPath] ??= {};
    paths[r.openApiPath][r.method.toLowerCase()] = {
      tags: [r.area],
      summary: r.summary,
      ...(r.subject ? { 'x-nats-subject': r.subject } : {}),
      ...(isPublic ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.query ? { 'x-query-schema': input(r.query) } : {}),
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: input(r.body) } } } }
        : {}),
      ...(r.rawBody ? { requestBody: { required: true, content: binaryContent(r.rawBody.mediaTypes) } } : {}),
      responses: {
        [String(r.status)]: r.binaryResponse
          ? { description: 'The file', content: binaryContent(r.binaryResponse.mediaTypes) }
          : { description: 'OK', content: { 'application/json': { schema: output(r.response) } } },
        '400': ERROR,
        ...(isPublic ? {} : { '401': ERROR, '403': ERROR, '404': ERROR }),
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
            issues: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
