import { queryAs } from '@jcm/testing';
import { DEMO_ORGS } from '../demo/demo-data';
import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from '../testing/gateway-world';

/**
 * Issue #13 finding 3 and the bad-input items of finding 7, through the real gateway and services: every bad input
 * is a 4xx that names the field, and changes no row and writes no event.
 */
describe('bad input at the gateway: 4xx with field paths, nothing written', () => {
  let world: GatewayWorld;
  let pair: string;
  const http = () => world.http();
  const as = (who: string) => world.as(who);

  /** Rows in every table of the services' schemas (outbox included). */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await queryAs<{ t: string }>(
      world.db.url,
      {},
      `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
        WHERE table_schema IN ('partnership', 'credits', 'identity') AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: Record<string, number> = {};
    for (const { t } of tables) {
      if (t.endsWith('.audit_log') || t.includes('login_attempt') || t.includes('throttle')) continue;
      out[t] = Number(
        (await queryAs<{ n: string }>(world.db.url, {}, `SELECT count(*) AS n FROM ${t}`))[0].n,
      );
    }
    return out;
  }

  const partnership = (over: Record<string, unknown> = {}) => ({
    municipalityOrgId: DEMO_ORGS.yokohama,
    partnerCityOrgId: DEMO_ORGS.koror,
    titleJa: '横浜市・コロール州',
    titleEn: 'Yokohama–Koror',
    targetFields: ['waste'],
    ...over,
  });

  beforeAll(async () => {
    world = await startGatewayWorld();
    const pairs = await http().get('/api/v1/partnerships').set(as('yokohama')).expect(200);
    pair = pairs.body.items[0].id;
  });
  afterAll(() => stopGatewayWorld(world));

  it('refuses NUL, lone surrogates and zero-width-only titles with the field path', async () => {
    const before = await rowCounts();
    for (const [titleJa, message] of [
      ['横浜\u0000', 'Must not contain a NUL character'],
      ['横浜\ud800', 'Must not contain a lone UTF-16 surrogate'],
      ['\u200b\u200b\u200b', 'Required'],
      ['x'.repeat(201), undefined],
    ] as const) {
      const res = await http()
        .post('/api/v1/partnerships')
        .set(as('yokohama'))
        .send(partnership({ titleJa }))
        .expect(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['titleJa']);
      if (message) expect(res.body.issues[0].message).toBe(message);
    }
    const q = await http().get('/api/v1/partnerships?q=%00').set(as('yokohama')).expect(400);
    expect(q.body.issues[0].path).toBe('q');
    expect(await rowCounts()).toEqual(before);
  });

  it('stores a name NFC-normalised and trimmed', async () => {
    const res = await http()
      .post('/api/v1/partnerships')
      .set(as('yokohama'))
      .send(partnership({ titleJa: '  カ\u3099ラス  ' }))
      .expect(201);
    expect(res.body.titleJa).toBe('ガラス');
  });

  it('refuses a 400-digit tonne estimate', async () => {
    const res = await http()
      .post(`/api/v1/partnerships/${pair}/jcm-leads`)
      .set(as('yokohama'))
      .send({
        titleJa: '廃棄物発電',
        titleEn: 'WtE',
        technology: 'WtE',
        estimatedTco2PerYear: '9'.repeat(400),
        estimatedCostYen: 1,
      })
      .expect(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['estimatedTco2PerYear']);
  });

  it('answers 413 for a body over the limit, the public calculators included', async () => {
    const big = JSON.stringify({ titleJa: 'x'.repeat(1_100_000) });
    for (const [path, who] of [
      ['/api/v1/calculators/c3p-budget', null],
      ['/api/v1/partnerships', 'yokohama'],
    ] as const) {
      const req = http().post(path).set('Content-Type', 'application/json');
      if (who) req.set(as(who));
      const res = await req.send(big);
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 415 for a body that is not JSON, and 400 for unparsable JSON', async () => {
    const before = await rowCounts();
    const res = await http()
      .post('/api/v1/partnerships')
      .set(as('yokohama'))
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(partnership()));
    expect(res.status).toBe(415);
    await http()
      .post('/api/v1/partnerships')
      .set(as('yokohama'))
      .set('Content-Type', 'application/json')
      .send('{"titleJa": ')
      .expect(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a PATCH with an array, a bare value or {} and writes no event', async () => {
    const before = await rowCounts();
    for (const body of ['[]', '"text"', '{}', '[{"type":"MOU"}]']) {
      const res = await http()
        .patch(`/api/v1/partnerships/${pair}/agreement`)
        .set(as('yokohama'))
        .set('Content-Type', 'application/json')
        .send(body);
      expect([res.status, body]).toEqual([400, body]);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an Idempotency-Key over 200 characters instead of dropping it', async () => {
    const before = await rowCounts();
    const res = await http()
      .post('/api/v1/partnerships')
      .set(as('yokohama'))
      .set('Idempotency-Key', 'k'.repeat(201))
      .send(partnership({ titleEn: 'Over-long key' }))
      .expect(400);
    expect(res.body.issues[0].path).toBe('Idempotency-Key');
    expect(await rowCounts()).toEqual(before);
  });

  it('de-duplicates a retried partnership and JCM lead by Idempotency-Key, and refuses the key with another body', async () => {
    const key = `pair-${Date.now()}`;
    const body = partnership({ titleEn: 'Retried after a 504' });
    const first = await http()
      .post('/api/v1/partnerships')
      .set(as('yokohama'))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const before = await rowCounts();
    const retry = await http()
      .post('/api/v1/partnerships')
      .set(as('yokohama'))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(retry.body.id).toBe(first.body.id);
    const other = await http()
      .post('/api/v1/partnerships')
      .set(as('yokohama'))
      .set('Idempotency-Key', key)
      .send(partnership({ titleEn: 'Another body' }))
      .expect(409);
    expect(other.body.code).toBe('CONFLICT');
    expect(await rowCounts()).toEqual(before);

    const lead = {
      titleJa: '廃棄物発電',
      titleEn: 'WtE',
      technology: 'WtE',
      estimatedTco2PerYear: '5491',
      estimatedCostYen: 1,
    };
    const l1 = await http()
      .post(`/api/v1/partnerships/${pair}/jcm-leads`)
      .set(as('yokohama'))
      .set('Idempotency-Key', `${key}-lead`)
      .send(lead)
      .expect(201);
    const afterLead = await rowCounts();
    const l2 = await http()
      .post(`/api/v1/partnerships/${pair}/jcm-leads`)
      .set(as('yokohama'))
      .set('Idempotency-Key', `${key}-lead`)
      .send(lead)
      .expect(201);
    expect(l2.body.id).toBe(l1.body.id);
    expect(await rowCounts()).toEqual(afterLead);
  });

  it('refuses an Idempotency-Key on a route that does not de-duplicate, instead of ignoring it', async () => {
    const res = await http()
      .patch(`/api/v1/partnerships/${pair}/agreement`)
      .set(as('yokohama'))
      .set('Idempotency-Key', 'not-here')
      .send({ agreement: null })
      .expect(400);
    expect(res.body.issues[0].path).toBe('Idempotency-Key');
  });

  it('refuses a foreign or unknown contractId on a JCM lead with 404 and the field path, never 500', async () => {
    const before = await rowCounts();
    const res = await http()
      .post(`/api/v1/partnerships/${pair}/jcm-leads`)
      .set(as('yokohama'))
      .send({
        titleJa: '案件',
        titleEn: 'Lead',
        technology: 'PV',
        estimatedTco2PerYear: '1',
        estimatedCostYen: 1,
        contractId: '00000000-0000-4000-8000-000000000000',
      })
      .expect(404);
    expect(res.body.issues).toEqual([{ path: 'contractId', message: expect.any(String) }]);
    expect(await rowCounts()).toEqual(before);
  });
});
