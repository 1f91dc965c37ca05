import { eventually, queryAs } from '@jcm/testing';
import { DEMO_ORGANISATIONS, DEMO_ORGS, DEMO_PASSWORD } from './demo/demo-data';
import { DemoSeeder } from './demo/demo-seeder';
import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from './testing/gateway-world';

describe('gateway over real PostgreSQL, NATS and partnership-service', () => {
  let world: GatewayWorld;
  const http = () => world.http();
  const as = (who: string) => world.as(who);

  beforeAll(async () => {
    world = await startGatewayWorld();
    await world.gateway.get(DemoSeeder).seed(); // a second start reuses the data
  });

  afterAll(() => stopGatewayWorld(world));

  it('lets every demo account sign in and tells it who it is', async () => {
    for (const o of DEMO_ORGANISATIONS) {
      const me = await http()
        .get('/api/v1/me')
        .set(as(o.account.email.split('@')[0]))
        .expect(200);
      expect(me.body.organisation).toMatchObject({ id: o.id, type: o.type, nameJa: o.nameJa });
    }
  });

  it('refuses a wrong password, an unknown email and a forged token', async () => {
    const wrong = await http()
      .post('/api/v1/auth/login')
      .send({ email: 'moe@demo.example', password: 'nope' })
      .expect(401);
    expect(wrong.body).toEqual({ code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' });
    await http()
      .post('/api/v1/auth/login')
      .send({ email: 'who@demo.example', password: DEMO_PASSWORD })
      .expect(401);
    await http().get('/api/v1/me').set({ Authorization: 'Bearer abc.def.ghi' }).expect(401);
    await http().get('/api/v1/partnerships').expect(401);
  });

  it('publishes an OpenAPI document of every route at /api/docs, without login', async () => {
    const res = await http().get('/api/docs').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/partnerships/{id}',
      '/api/v1/calls',
      '/api/v1/credits/transfers',
      '/api/v1/calculators/{name}',
    ]) {
      expect(paths).toContain(p);
    }
    const login = res.body.paths['/api/v1/auth/login'].post;
    expect(Object.keys(login.requestBody.content['application/json'].schema.properties).sort()).toEqual([
      'email',
      'password',
    ]);
    await http().get('/api/v1/docs').expect(404);
  });

  it('sends browser hardening headers', async () => {
    const res = await http().get('/api/v1/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('validates the login body with field paths', async () => {
    const res = await http().post('/api/v1/auth/login').send({ email: 'not-an-email' }).expect(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'password']);
  });

  it('scopes the partnership list by participation: Yokohama sees its own, MOE sees all', async () => {
    const yokohama = await http().get('/api/v1/partnerships').set(as('yokohama')).expect(200);
    expect(yokohama.body.items.map((p: { municipality: { orgId: string } }) => p.municipality.orgId)).toEqual(
      [DEMO_ORGS.yokohama],
    );
    const bangkok = await http().get('/api/v1/partnerships').set(as('bangkok')).expect(200);
    expect(bangkok.body.total).toBe(1);
    // The demo company is Yokohama–Bangkok's contractor, and nothing else.
    const company = await http().get('/api/v1/partnerships').set(as('company')).expect(200);
    expect(company.body.items.map((p: { partnerCity: { orgId: string } }) => p.partnerCity.orgId)).toEqual([
      DEMO_ORGS.bangkok,
    ]);
    for (const who of ['moe', 'gec']) {
      const all = await http().get('/api/v1/partnerships').set(as(who)).expect(200);
      expect(all.body.total).toBe(2);
    }
  });

  it('answers 404 to Kitakyushu for a Yokohama partnership', async () => {
    const yokohama = await http().get('/api/v1/partnerships').set(as('yokohama')).expect(200);
    const id = yokohama.body.items[0].id;
    await http().get(`/api/v1/partnerships/${id}`).set(as('yokohama')).expect(200);
    const res = await http().get(`/api/v1/partnerships/${id}`).set(as('kitakyushu')).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
    await http().get('/api/v1/partnerships/not-a-uuid').set(as('moe')).expect(400);
  });

  it('rejects an invalid partnership with 400 and zod paths, writing no row and no event', async () => {
    const count = async (table: string) =>
      (await queryAs<{ n: string }>(world.db.url, {}, `SELECT count(*) AS n FROM partnership.${table}`))[0].n;
    const [rowsBefore, eventsBefore] = [await count('partnership'), await count('outbox')];
    const res = await http()
      .post('/api/v1/partnerships')
      .set(as('yokohama'))
      .send({ municipalityOrgId: DEMO_ORGS.yokohama, partnerCityOrgId: 'x', titleJa: '', targetFields: [] })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'partnerCityOrgId',
      'targetFields',
      'titleEn',
      'titleJa',
    ]);
    const wrongSide = await http()
      .post('/api/v1/partnerships')
      .set(as('yokohama'))
      .send({
        municipalityOrgId: DEMO_ORGS.yokohama,
        partnerCityOrgId: DEMO_ORGS.kitakyushu,
        titleJa: '横浜・北九州',
        titleEn: 'Yokohama–Kitakyushu',
        targetFields: ['waste'],
      })
      .expect(400);
    expect(wrongSide.body.issues).toEqual([
      { path: 'partnerCityOrgId', message: 'Must be an organisation of type PARTNER_CITY' },
    ]);
    expect([await count('partnership'), await count('outbox')]).toEqual([rowsBefore, eventsBefore]);
  });

  it('answers the public JCM subsidy calculator without login, with the documents’ numbers and cited findings', async () => {
    const res = await http()
      .post('/api/v1/calculators/jcm-subsidy')
      .send({
        technologies: [
          {
            technologyId: 'T1',
            eligibleCostYen: 597_530_000,
            priorSimilarProjects: 0,
            annualReductionT: '12340',
            usefulLifeYears: 8,
          },
        ],
      })
      .expect(200);
    expect(res.body.preset).toBe('JCM_SUBSIDY_FY2021_23');
    expect(JSON.stringify(res.body.result)).toContain('98720');
    expect(JSON.stringify(res.body.result)).toContain('3027');
    for (const f of res.body.result.findings) expect(f.source).toEqual(expect.any(String));
  });

  it('refuses a C3P budget one step over ¥20,000,000 incl. tax with a cited finding, and bad input with field paths', async () => {
    const over = await http()
      .post('/api/v1/calculators/c3p-budget')
      .send({ personnelYen: 18_181_820 }) // + 10% tax (floored) = ¥20,000,002
      .expect(200);
    expect(over.body.result).toMatchObject({ totalInclTaxYen: 20_000_002, withinCap: false });
    expect(over.body.result.findings.some((f: { severity: string }) => f.severity === 'error')).toBe(true);
    // ¥18,150,000 + ¥1,815,000 tax = ¥19,965,000, the budget of the walk-through (issue 4).
    const ok = await http()
      .post('/api/v1/calculators/c3p-budget')
      .send({ personnelYen: 18_150_000 })
      .expect(200);
    expect(ok.body.result).toMatchObject({ totalInclTaxYen: 19_965_000, withinCap: true });
    const bad = await http().post('/api/v1/calculators/c3p-budget').send({ personnelYen: 1.5 }).expect(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(['personnelYen']);
    await http().post('/api/v1/calculators/no-such-thing').send({}).expect(404);
  });

  it('lets MOE issue credits and the company see only its own account, moving them once per Idempotency-Key', async () => {
    const [project] = (await http().get('/api/v1/credits/projects').set(as('moe')).expect(200)).body.items;
    const moeAccounts = (await http().get('/api/v1/credits/accounts').set(as('moe')).expect(200)).body.items;
    const companyAccount = moeAccounts.find(
      (a: { ownerOrgId: string }) => a.ownerOrgId === DEMO_ORGS.company,
    );
    // The demo data already issued the company's share of the MRV demo period (TH002 2025, 489 t → 244 t).
    const before = BigInt(companyAccount.balance);
    await http()
      .post('/api/v1/credits/issuances')
      .set(as('moe'))
      .set('Idempotency-Key', 'demo-issuance-1')
      .send({
        projectId: project.id,
        monitoringPeriod: { start: '2024-01-01', end: '2024-12-31' },
        jointCommitteeDecisionRef: 'JC-TH-2025-01',
        vintage: 2024,
        quantity: '10000',
        participantAllocations: [{ accountId: companyAccount.id }],
      })
      .expect(201);
    const mine = (await http().get('/api/v1/credits/accounts').set(as('company')).expect(200)).body.items;
    expect(mine.map((a: { ownerOrgId: string; balance: string }) => [a.ownerOrgId, a.balance])).toEqual([
      [DEMO_ORGS.company, (before + 5000n).toString()],
    ]);
    const gov = moeAccounts.find((a: { type: string }) => a.type === 'GOVERNMENT_HOLDING');
    await http().get(`/api/v1/credits/accounts/${gov.id}`).set(as('company')).expect(404);
    const transfer = () =>
      http()
        .post('/api/v1/credits/transfers')
        .set(as('company'))
        .set('Idempotency-Key', 'company-transfer-1')
        .send({ fromAccountId: companyAccount.id, toAccountNumber: gov.accountNumber, quantity: '1200' });
    await transfer().expect(201);
    await transfer().expect(201);
    const after = (
      await http().get(`/api/v1/credits/accounts/${companyAccount.id}`).set(as('company')).expect(200)
    ).body;
    expect(after.balance).toBe((before + 3800n).toString());
    const summary = await http().get('/api/v1/credits/public/summary').expect(200);
    expect(JSON.stringify(summary.body)).toContain('10000');
    expect(JSON.stringify(summary.body)).not.toContain('Demo Engineering');
  });

  it('creates a partnership for the caller’s own municipality and audits every mutation', async () => {
    const body = {
      municipalityOrgId: DEMO_ORGS.yokohama,
      partnerCityOrgId: DEMO_ORGS.koror,
      titleJa: '横浜市・コロール州 試行連携',
      titleEn: 'Yokohama–Koror pilot',
      targetFields: ['other'],
      targetFieldOther: 'ブルーカーボン',
    };
    const created = await http().post('/api/v1/partnerships').set(as('yokohama')).send(body).expect(201);
    expect(created.body).toMatchObject({
      titleEn: 'Yokohama–Koror pilot',
      partnerCity: { nameEn: 'Koror State, Palau' },
    });
    await http().post('/api/v1/partnerships').set(as('kitakyushu')).send(body).expect(403);
    const koror = await http().get(`/api/v1/partnerships/${created.body.id}`).set(as('koror')).expect(200);
    expect(koror.body.targetFieldOther).toBe('ブルーカーボン');

    const audit = await eventually(async () => {
      const rows = await queryAs<{ action: string; outcome: number; org_id: string }>(
        world.db.url,
        {},
        `SELECT action, outcome, org_id FROM identity.audit_log WHERE action LIKE 'POST /api/v1/partnerships%' ORDER BY seq`,
      );
      return rows.length >= 4 ? rows : undefined;
    });
    expect(audit.map((r) => r.outcome)).toEqual([400, 400, 201, 403]);
    expect(audit[2].org_id).toBe(DEMO_ORGS.yokohama);
    await expect(queryAs(world.db.url, {}, 'DELETE FROM identity.audit_log')).rejects.toThrow(/append-only/);
  });
});
