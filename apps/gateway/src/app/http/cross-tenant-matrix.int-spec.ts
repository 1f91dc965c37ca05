import { dbRoleFor } from '@jcm/service-kit';
import { queryAs } from '@jcm/testing';
import { DEMO_ORGANISATIONS, DEMO_ORGS } from '../demo/demo-data';
import { GATEWAY_ROUTES } from '../routes/gateway-routes';
import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from '../testing/gateway-world';

/**
 * Issue #13 scope 7a: a cross-tenant matrix generated from GATEWAY_ROUTES (a new route is covered automatically).
 * Records are seeded per tenant through the API; then every demo organisation calls every route with every other
 * tenant's record ids (reads and writes). A leak is: a 2xx on a by-id route for a record the organisation does not
 * take part in, a list that contains such a record's id, or a 5xx. At the database, each tenant table queried as
 * the service role with another organisation's settings shows none of the other tenants' rows (RLS).
 */
const ALL_SEEING = new Set(['MOE', 'SECRETARIAT']);

/** Tables that are public by design (documented in their migration), so every organisation sees every row. */
const PUBLIC_TABLES = new Set([
  'credits.project', // registered JCM projects are published by the Joint Committee: public reference data
]);

function isEmptyPage(body: unknown): boolean {
  const b = body as { items?: unknown[]; total?: number } | null;
  return Array.isArray(b?.items) && b.items.length === 0 && b.total === 0;
}

describe('cross-tenant matrix over the route table', () => {
  let world: GatewayWorld;
  /** Every seeded record: its id and the organisations that may see it. */
  const records: { id: string; kind: string; visibleTo: string[] }[] = [];

  beforeAll(async () => {
    world = await startGatewayWorld();
    // Seed per tenant through the API: a pair per municipality, and a JCM lead on each pair.
    for (const [who, city] of [
      ['yokohama', DEMO_ORGS.koror],
      ['kitakyushu', DEMO_ORGS.bangkok],
    ] as const) {
      await world
        .http()
        .post('/api/v1/partnerships')
        .set(world.as(who))
        .send({
          municipalityOrgId: DEMO_ORGS[who],
          partnerCityOrgId: city,
          titleJa: `${who} 連携`,
          titleEn: `${who} pair`,
          targetFields: ['waste'],
        })
        .expect(201);
    }
    const pairs = await queryAs<{ id: string; orgs: string[] }>(
      world.db.url,
      {},
      'SELECT id, participant_org_ids AS orgs FROM partnership.partnership',
    );
    for (const p of pairs) {
      records.push({ id: p.id, kind: 'partnership', visibleTo: p.orgs });
      const who = DEMO_ORGANISATIONS.find((o) => o.type === 'MUNICIPALITY' && p.orgs.includes(o.id));
      if (!who) continue;
      const lead = await world
        .http()
        .post(`/api/v1/partnerships/${p.id}/jcm-leads`)
        .set(world.as(who.account.email.split('@')[0]))
        .send({
          titleJa: '案件',
          titleEn: 'Lead',
          technology: 'PV',
          estimatedTco2PerYear: '10',
          estimatedCostYen: 1,
        })
        .expect(201);
      records.push({ id: lead.body.id, kind: 'jcm-lead', visibleTo: p.orgs });
    }
    const accounts = await queryAs<{ id: string; org: string }>(
      world.db.url,
      {},
      'SELECT id, holder_org_id AS org FROM credits.account',
    ).catch(() => []);
    for (const a of accounts) records.push({ id: a.id, kind: 'account', visibleTo: [a.org] });
  }, 120_000);
  afterAll(() => stopGatewayWorld(world));

  it('leaks nothing at the API: every route × every organisation × other tenants’ records', async () => {
    const stats = {
      routes: GATEWAY_ROUTES.length,
      organisations: DEMO_ORGANISATIONS.length,
      records: records.length,
      requests: 0,
      leaks: 0,
      fivexx: 0,
    };
    const leaks: string[] = [];
    for (const o of DEMO_ORGANISATIONS) {
      if (ALL_SEEING.has(o.type)) continue;
      const who = o.account.email.split('@')[0];
      const foreign = records.filter((r) => !r.visibleTo.includes(o.id));
      for (const r of GATEWAY_ROUTES) {
        if (r.auth === 'public' || r.rawBody || r.binaryResponse || r.path.includes('/auth/')) continue;
        if (r.subject && !/^(partnership|credits)\./.test(r.subject)) continue; // service not booted in this world
        const ids = r.pathParams.length ? foreign : [null];
        for (const rec of ids) {
          const path = r.path.replace(/:(\w+)/g, (_, p) =>
            p === 'action' ? 'open' : p === 'name' ? 'c3p-budget' : (rec?.id ?? ''),
          );
          const method = r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
          let req = world.http()[method](path).set(world.as(who));
          if (r.method !== 'GET')
            req = req.send({ id: rec?.id, partnershipId: rec?.id, contractId: rec?.id, note: 'x' });
          const res = await req;
          stats.requests++;
          if (res.status >= 500) {
            stats.fivexx++;
            leaks.push(`${who} ${r.method} ${path} → ${res.status}`);
          } else if (rec && res.status < 300 && !isEmptyPage(res.body)) {
            // A nested list under another tenant's parent may answer an empty page (as for an unknown parent).
            stats.leaks++;
            leaks.push(`${who} ${r.method} ${r.path} with ${rec.kind} of another tenant → ${res.status}`);
          } else if (!rec && res.status < 300) {
            const text = JSON.stringify(res.body);
            for (const f of foreign)
              if (text.includes(f.id)) {
                stats.leaks++;
                leaks.push(`${who} ${r.method} ${r.path} lists ${f.kind} ${f.id}`);
              }
          }
        }
      }
    }
    console.log(`cross-tenant matrix: ${JSON.stringify(stats)}`);
    expect(leaks).toEqual([]);
  }, 180_000);

  it('lets each organisation see its own records (sanity read)', async () => {
    for (const rec of records.filter((r) => r.kind === 'partnership')) {
      for (const orgId of rec.visibleTo) {
        const o = DEMO_ORGANISATIONS.find((d) => d.id === orgId);
        if (!o) continue;
        await world
          .http()
          .get(`/api/v1/partnerships/${rec.id}`)
          .set(world.as(o.account.email.split('@')[0]))
          .expect(200);
      }
    }
  });

  it('shows no other tenant’s row at the database (RLS) on every tenant table', async () => {
    const tables = await queryAs<{ schema: string; table: string }>(
      world.db.url,
      {},
      `SELECT table_schema AS schema, table_name AS table FROM information_schema.columns
        WHERE table_schema IN ('partnership', 'credits') AND column_name = 'participant_org_ids'`,
    );
    let checked = 0;
    const leaks: string[] = [];
    for (const { schema, table } of tables) {
      if (PUBLIC_TABLES.has(`${schema}.${table}`)) continue;
      for (const o of DEMO_ORGANISATIONS.filter((d) => !ALL_SEEING.has(d.type))) {
        const rows = await queryAs<{ n: number }>(
          world.db.url,
          { role: dbRoleFor(schema), orgId: o.id, orgType: o.type },
          `SELECT count(*)::int AS n FROM ${schema}.${table} WHERE NOT ($1::uuid = ANY (participant_org_ids))`,
          [o.id],
        );
        checked++;
        if (rows[0].n > 0)
          leaks.push(`${schema}.${table} shows ${rows[0].n} foreign rows to ${o.account.email}`);
      }
    }
    console.log(
      `RLS: ${tables.length} tenant tables × organisations = ${checked} checks, ${leaks.length} leaks`,
    );
    expect(tables.length).toBeGreaterThan(5);
    expect(leaks).toEqual([]);
  });
});
