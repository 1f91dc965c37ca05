import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from '../testing/gateway-world';

/** The MRV routes over HTTP, on the demo data the seeder loads through the same RPCs (real PostgreSQL + NATS). */
describe('gateway /api/v1/mrv and /api/v1/trace on the demo data', () => {
  let w: GatewayWorld;

  beforeAll(async () => {
    w = await startGatewayWorld();
  }, 120_000);

  afterAll(async () => {
    await stopGatewayWorld(w);
  });

  const issuedSerial = async (): Promise<string> => {
    const res = await w.http().get('/api/v1/credits/blocks?limit=200').set(w.as('moe'));
    expect(res.status).toBe(200);
    const block = (res.body.items as { serial: string; projectReference: string }[]).find(
      (b) => b.projectReference === 'TH002',
    );
    expect(block).toBeDefined();
    return block!.serial;
  };

  it('seeds the PV project of company@ in Thailand with its 2025 period verified (489 t) and issued', async () => {
    const projects = await w.http().get('/api/v1/mrv/projects').set(w.as('company'));
    expect(projects.body.items).toEqual([
      expect.objectContaining({ projectReference: 'TH002', status: 'REGISTERED', hostCountry: 'TH' }),
    ]);
    const reports = await w.http().get('/api/v1/mrv/monitoring-reports').set(w.as('tpe'));
    expect(reports.body.items).toEqual([
      expect.objectContaining({
        status: 'VERIFIED',
        verifiedEmissionReductions: '489',
        totalEmissionReductionT: '489',
      }),
    ]);
    const rerun = await w
      .http()
      .post(`/api/v1/mrv/monitoring-reports/${reports.body.items[0].id}/rerun`)
      .set(w.as('moe'))
      .send({});
    expect(rerun.body).toMatchObject({ identical: true });
    expect((await w.http().get('/api/v1/mrv/monitoring-reports').set(w.as('yokohama'))).body.total).toBe(0);
  });

  it('traces a serial number to the issuance, report, project and grant; others see only the registry part', async () => {
    const serial = await issuedSerial();
    const mine = await w.http().get(`/api/v1/trace/${serial}`).set(w.as('company'));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      credits: {
        serial,
        projectReference: 'TH002',
        issuance: { jointCommitteeDecisionRef: 'JC-TH-DEMO-2026-01' },
      },
      mrv: {
        report: { verifiedEmissionReductions: '489' },
        project: { projectReference: 'TH002' },
        grantId: 'JCM-GRANT-DEMO-2024-01',
      },
    });
    const other = await w.http().get(`/api/v1/trace/${serial}`).set(w.as('yokohama'));
    expect(other.body).toMatchObject({ credits: { serial }, mrv: null });
    const pub = await w.http().get(`/api/v1/public/trace/${serial}`);
    expect(pub.status).toBe(200);
    expect(pub.body.monitoringReportId).toBe(mine.body.mrv.report.id);
    expect((await w.http().get('/api/v1/public/trace/not-a-serial')).status).toBe(400);
  });

  it('refuses bad input with field paths and a methodology formula outside the allow-list with its position', async () => {
    const bad = await w
      .http()
      .post('/api/v1/mrv/projects')
      .set(w.as('company'))
      .send({ projectReference: 'x', technologies: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['projectReference', 'technologies']),
    );
    const list = await w.http().get('/api/v1/mrv/methodologies/JCM-PV-GRID/versions/1.0').set(w.as('moe'));
    const doc = { ...list.body.document, version: '2.0', status: 'DRAFT', publishedOn: undefined };
    doc.outputs = doc.outputs.map((o: { formula: string }, i: number) =>
      i === 0 ? { ...o, formula: 'sqrt(EG)' } : o,
    );
    const refused = await w
      .http()
      .post('/api/v1/mrv/methodologies')
      .set(w.as('moe'))
      .send({ methodology: doc });
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0]).toMatchObject({
      path: 'methodology.outputs.0.formula',
      message: expect.stringMatching(/^UNKNOWN_FUNCTION at 1:1 /),
    });
  });
});
