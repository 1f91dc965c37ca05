import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, TestDatabase, testEventBus, testServiceConfig } from '@jcm/testing';
import { GatewayConfig } from '../config/gateway-config';
import { createGatewayApp, migrateIdentity } from '../create-gateway-app';
import { GATEWAY_ROUTES } from '../routes/gateway-routes';

type Schema = Record<string, unknown>;
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: { 'application/json'?: { schema?: Schema } } };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const nonEmpty = (s: Schema | undefined) => s !== undefined && Object.keys(s).length > 0;

/** Walks the served /api/docs: no operation may lack its request or response schema, and no route may be missing. */
describe('GET /api/docs documents every route with its schemas', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let doc: Document;
  let operations: [string, Operation][];

  beforeAll(async () => {
    db = await createTestDatabase();
    const config: GatewayConfig = {
      service: testServiceConfig('identity', db.url, testEventBus()),
      jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing',
      jwtTtlSeconds: 600,
      port: 0,
      host: '127.0.0.1',
      portalDist: null,
      production: false,
      publicUrl: null,
      trustProxy: null,
    };
    await migrateIdentity(config);
    app = await createGatewayApp(config);
    await app.init();
    doc = (await request(app.getHttpServer()).get('/api/docs').expect(200)).body;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([m, op]): [string, Operation] => [`${m.toUpperCase()} ${path}`, op]),
    );
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lists exactly the routes the gateway serves (read from Express, not from the tables)', () => {
    type Layer = { route?: { path: string; methods: Record<string, boolean> } };
    const router = (app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router;
    const served = router.stack
      .filter((l) => l.route)
      .flatMap((l) =>
        Object.keys(l.route?.methods ?? {}).map(
          (m) => `${m.toUpperCase()} ${l.route?.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      );
    expect(served.length).toBeGreaterThan(90);
    expect(operations.map(([op]) => op).sort()).toEqual([...new Set(served)].sort());
  });

  it('gives every operation a response schema for its success status', () => {
    const missing = operations.filter(([, op]) => {
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      return !nonEmpty(Object.values(ok?.[1].content ?? {})[0]?.schema); // JSON, or a file's bytes
    });
    expect(missing.map(([op]) => op)).toEqual([]);
  });

  it('gives every operation that takes a body or query its request schema, and every parameter a schema', () => {
    const missing: string[] = [];
    for (const r of GATEWAY_ROUTES) {
      const op = doc.paths[r.openApiPath]?.[r.method.toLowerCase()];
      if (!op) missing.push(`${r.method} ${r.openApiPath}: not documented`);
      else {
        if (r.body && !nonEmpty(op.requestBody?.content?.['application/json']?.schema))
          missing.push(`${r.method} ${r.openApiPath}: body`);
        if (r.query && !op.parameters?.some((p) => p.in === 'query'))
          missing.push(`${r.method} ${r.openApiPath}: query`);
      }
    }
    for (const [name, op] of operations) {
      // PATCH and PUT only make sense with a body.
      if (/^(PATCH|PUT) /.test(name) && !op.requestBody) missing.push(`${name}: body`);
      for (const p of op.parameters ?? [])
        if (!nonEmpty(p.schema)) missing.push(`${name}: parameter ${p.name}`);
      const pathParams = [...name.matchAll(/\{(\w+)\}/g)].map(([, n]) => n);
      const documented = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      if (pathParams.join() !== documented.join()) missing.push(`${name}: path parameters`);
    }
    expect(missing).toEqual([]);
  });

  it('shows which routes need no sign-in, and a POST that takes input documents it', () => {
    const login = doc.paths['/api/v1/auth/login'].post as Operation & { security?: unknown[] };
    expect(login.security).toEqual([]);
    expect(doc.paths['/api/v1/partnerships'].get).not.toHaveProperty('security');
    // A POST without a body schema is a command on the path alone (submit, accept, …): its route declares no body.
    const bodiless = operations.filter(([n, op]) => n.startsWith('POST ') && !op.requestBody).map(([n]) => n);
    for (const n of bodiless)
      expect(n).toMatch(
        /\/(submit|withdraw|acknowledge|attach|accept|confirm-minutes|request-deliverables|\{action\})$/,
      );
  });
});
