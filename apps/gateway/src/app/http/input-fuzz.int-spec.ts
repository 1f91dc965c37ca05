import fc from 'fast-check';
import * as z from 'zod';
import { queryAs } from '@jcm/testing';
import { GATEWAY_ROUTES } from '../routes/gateway-routes';
import type { GatewayRoute } from '../routes/route';
import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from '../testing/gateway-world';

/**
 * Issue #13 scope 7: property-based fuzzing (fast-check) of every zod-validated body and query in the route table.
 * Generated bad and edge inputs (NUL, lone surrogates, huge strings, wrong types, deep objects) on the declared
 * fields; every answer is 2xx or 4xx (a 400 names its fields), never 5xx, and a route whose requests were all
 * refused changed no row in any schema and wrote no outbox event.
 */
const RUNS_PER_ROUTE = 6;
const SEED = 1301;

const nasty = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\u200b\u200b',
    '',
    ' ',
    '-1',
    '1e308',
    'NaN',
    '9'.repeat(400),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant('y'.repeat(20_000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1, 0, 1.5),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.constant(deep(60)),
);

function deep(n: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** Top-level field names of a body or query schema, to aim the bad values at declared fields. */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  let s: unknown = schema;
  while (
    s &&
    !(s instanceof z.ZodObject) &&
    (s as z.ZodType)._zod?.def &&
    'innerType' in (s as z.ZodType)._zod.def
  )
    s = ((s as z.ZodType)._zod.def as unknown as { innerType: z.ZodType }).innerType;
  return s instanceof z.ZodObject ? Object.keys(s.shape) : ['x'];
}

const inputFor = (fields: string[]) =>
  fc.oneof(
    fc.record(Object.fromEntries(fields.map((f) => [f, nasty])), { requiredKeys: [] }),
    fc.dictionary(fc.string({ maxLength: 8 }), nasty, { maxKeys: 4 }),
    fc.array(nasty, { maxLength: 3 }),
  );

describe('fuzzing every zod-validated body and query (fast-check)', () => {
  let world: GatewayWorld;
  let countSql = '';
  beforeAll(async () => {
    world = await startGatewayWorld();
    const tables = await queryAs<{ t: string }>(
      world.db.url,
      {},
      `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
        WHERE table_schema IN ('partnership', 'credits', 'identity') AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('audit_log', 'login_attempt', 'login_throttle') ORDER BY 1`,
    );
    countSql = `SELECT ${tables.map(({ t }, i) => `(SELECT count(*) FROM ${t})::int AS c${i}`).join(', ')}`;
  });
  afterAll(() => stopGatewayWorld(world));

  const rows = async () => (await queryAs<Record<string, number>>(world.db.url, {}, countSql))[0];
  // The gateway test world boots partnership- and credits-service; the other services' routes are fuzzed by their
  // own worlds once they have one (counted as `notBooted` below, never silently).
  const booted = (r: GatewayRoute) => !r.subject || /^(partnership|credits)\./.test(r.subject);
  const candidates = GATEWAY_ROUTES.filter(
    (r) => (r.body || r.query) && !r.rawBody && r.path !== '/api/v1/auth/login',
  );
  const fuzzed = candidates.filter(booted);

  it(`never answers 5xx, names the fields of a 400, and writes nothing when it refuses (${fuzzed.length} routes)`, async () => {
    const stats = {
      routes: fuzzed.length,
      notBooted: candidates.length - fuzzed.length,
      requests: 0,
      ok2xx: 0,
      refused4xx: 0,
      fivexx: 0,
      writesOnRefusal: 0,
    };
    const failures: string[] = [];
    for (const r of fuzzed) {
      const before = await rows();
      let accepted = false;
      const fields = fieldsOf(r.body ?? r.query);
      await fc.assert(
        fc.asyncProperty(inputFor(fields), async (input) => {
          const path = r.path.replace(/:(\w+)/g, (_, p) =>
            p === 'name' ? 'c3p-budget' : p === 'action' ? 'open' : '7c9e6679-7425-40de-944b-e07fc1f90ae7',
          );
          let req = world.http()[r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
          if (r.auth !== 'public') req = req.set(world.as('moe'));
          const res =
            r.method === 'GET'
              ? await req.query(
                  Object.fromEntries(
                    Object.entries(input as object).map(([k, v]) => [
                      k,
                      typeof v === 'string' ? v : JSON.stringify(v),
                    ]),
                  ),
                )
              : await req.set('Content-Type', 'application/json').send(JSON.stringify(input));
          stats.requests++;
          if (res.status >= 500) {
            stats.fivexx++;
            failures.push(`${r.method} ${r.path} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          } else if (res.status < 300) {
            stats.ok2xx++;
            if (r.method !== 'GET') accepted = true;
          } else {
            stats.refused4xx++;
            if (
              res.status === 400 &&
              !(
                Array.isArray(res.body.issues) &&
                res.body.issues.every((i: { path?: unknown }) => typeof i.path === 'string')
              )
            )
              failures.push(`${r.method} ${r.path} → 400 without field paths`);
          }
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
      if (!accepted && JSON.stringify(await rows()) !== JSON.stringify(before)) {
        stats.writesOnRefusal++;
        failures.push(`${r.method} ${r.path}: rows changed although every request was refused`);
      }
    }
    console.log(`fuzz: ${JSON.stringify(stats)}`);
    expect(failures).toEqual([]);
  }, 110_000);
});
