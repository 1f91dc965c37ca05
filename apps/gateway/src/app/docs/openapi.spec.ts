import * as z from 'zod';
import { route, routeArea } from '../routes/route';
import { buildOpenApi } from './openapi';

const Widget = z.object({ id: z.uuid(), colour: z.enum(['red', 'blue']) });
const WIDGETS = routeArea('Widgets', [
  route({
    method: 'GET',
    path: 'widgets',
    summary: 'List',
    query: z.object({ colour: z.enum(['red', 'blue']).optional() }),
    response: z.object({ items: z.array(Widget) }),
    rpc: { subject: 'shop.widget.list' },
  }),
  route({
    method: 'POST',
    path: 'widgets/:id/paint',
    summary: 'Paint',
    status: 200,
    idempotencyKey: true,
    body: z.object({ id: z.uuid(), colour: z.enum(['red', 'blue']) }),
    response: Widget,
    rpc: { subject: 'shop.widget.paint' },
  }),
  route({
    method: 'GET',
    path: 'widgets/count',
    summary: 'Count',
    auth: 'public',
    response: z.object({ n: z.number() }),
    handle: () => ({ n: 1 }),
  }),
]);

type Op = {
  summary: string;
  security?: unknown[];
  parameters?: { name: string; in: string; schema: { format?: string } }[];
  requestBody?: {
    content: { 'application/json': { schema: { properties: Record<string, unknown>; required?: string[] } } };
  };
  responses: Record<string, { content?: { 'application/json': { schema: unknown } } }>;
  'x-nats-subject'?: string;
};

describe('OpenAPI from the route tables', () => {
  const doc = buildOpenApi(WIDGETS.routes) as { paths: Record<string, Record<string, Op>> };

  it('lists each declared route once under its OpenAPI path, with its NATS subject', () => {
    expect(WIDGETS.routes.map((r) => `${r.method} ${r.path} ${r.openApiPath}`)).toEqual([
      'GET /api/v1/widgets /api/v1/widgets',
      'POST /api/v1/widgets/:id/paint /api/v1/widgets/{id}/paint',
      'GET /api/v1/widgets/count /api/v1/widgets/count',
    ]);
    expect(doc.paths['/api/v1/widgets/{id}/paint'].post['x-nats-subject']).toBe('shop.widget.paint');
  });

  it('documents a body without the fields the path fills in, and types the path parameter from the schema', () => {
    const paint = doc.paths['/api/v1/widgets/{id}/paint'].post;
    expect(Object.keys(paint.requestBody?.content['application/json'].schema.properties ?? {})).toEqual([
      'colour',
    ]);
    expect(paint.parameters?.find((p) => p.in === 'path')).toMatchObject({
      name: 'id',
      schema: { format: 'uuid' },
    });
    expect(paint.parameters?.find((p) => p.in === 'header')?.name).toBe('Idempotency-Key');
    expect(Object.keys(paint.responses)).toContain('200');
    expect(JSON.stringify(paint.responses['200'].content)).toContain('"enum":["red","blue"]');
  });

  it('turns a query schema into query parameters, and marks public routes as needing no token', () => {
    const list = doc.paths['/api/v1/widgets'].get;
    expect(list.parameters?.map((p) => [p.in, p.name])).toEqual([['query', 'colour']]);
    expect(list.security).toBeUndefined();
    expect(doc.paths['/api/v1/widgets/count'].get.security).toEqual([]);
    expect(Object.keys(doc.paths['/api/v1/widgets/count'].get.responses)).not.toContain('401');
  });

  it('refuses a declaration with both or neither of rpc and handle', () => {
    expect(() => route({ method: 'GET', path: 'x', summary: 'x', response: Widget })).toThrow(
      /either rpc or handle/,
    );
  });
});
