import { samplePdf } from '@jcm/file-store';
import { queryAs } from '@jcm/testing';
import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from '../testing/gateway-world';

describe('JCM grants over HTTP with the demo data (real services)', () => {
  let world: GatewayWorld;
  const http = () => world.http();
  const as = (who: string) => world.as(who);
  let draftId: string;

  beforeAll(async () => {
    world = await startGatewayWorld();
  });
  afterAll(() => stopGatewayWorld(world));

  it('lists the demo call publicly and the company’s Thai PV draft to the company only', async () => {
    const pub = await http().get('/api/v1/grants/public/calls').expect(200);
    expect(pub.body.items).toEqual([expect.objectContaining({ state: 'published', adopted: [] })]);
    const mine = await http().get('/api/v1/grants/applications').set(as('company')).expect(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      state: 'draft',
      countries: ['TH'],
      technologyIds: ['SOLAR_PV', 'CHILLER'],
    });
    draftId = mine.body.items[0].id;
    await http().get(`/api/v1/grants/applications/${draftId}`).set(as('kitakyushu')).expect(404);
    expect(
      (await http().get('/api/v1/grants/applications').set(as('kitakyushu')).expect(200)).body.total,
    ).toBe(0);
    expect(
      (await http().get('/api/v1/grants/applications?country=TH&state=draft').set(as('gec')).expect(200)).body
        .total,
    ).toBe(1);
  });

  it('answers live findings with the preset’s numbers, and a bad autosave with 400 and paths, writing nothing', async () => {
    const f = await http()
      .get(`/api/v1/grants/applications/${draftId}/findings`)
      .set(as('company'))
      .expect(200);
    expect(f.body.figures.technologies[0]).toMatchObject({
      technologyId: 'SOLAR_PV',
      similarProjects: 15,
      rateCap: '0.3',
      costEffectivenessYenPerT: 3039,
      costEffectivenessThresholdYenPerT: 2500,
    });
    expect(f.body.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'R-EVAL-04', severity: 'error', path: 'requestedSubsidyYen' }),
    );
    const versions = async () =>
      (
        await queryAs<{ n: number }>(
          world.db.url,
          {},
          'SELECT count(*)::int AS n FROM grants.application_version',
        )
      )[0].n;
    const before = await versions();
    const bad = await http()
      .patch(`/api/v1/grants/applications/${draftId}`)
      .set(as('company'))
      .send({ baseVersion: 1, patch: { costs: { constructionYen: -1, equipmentYen: 0, adminYen: 0 } } })
      .expect(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(['costs.constructionYen']);
    await http()
      .patch(`/api/v1/grants/applications/${draftId}`)
      .set(as('company'))
      .send({ baseVersion: 'one' })
      .expect(400);
    expect(await versions()).toBe(before);
    const ok = await http()
      .patch(`/api/v1/grants/applications/${draftId}`)
      .set(as('company'))
      .send({
        baseVersion: 1,
        patch: {
          technologies: [
            {
              technologyId: 'SOLAR_PV',
              country: 'TH',
              eligibleCostYen: 1_000_000_000,
              annualReductionT: '20000',
              usefulLifeYears: 8,
            },
          ],
        },
      })
      .expect(200);
    expect(ok.body.application.version).toBe(2);
    expect(ok.body.check.figures.technologies[0].costEffectivenessYenPerT).toBe(1875);
    await http()
      .post(`/api/v1/grants/applications/${draftId}/adopt`)
      .set(as('company'))
      .send({ assignedRates: [{ technologyId: 'SOLAR_PV', rate: '0.3' }], maxSubsidyYen: 1 })
      .expect(403);
    await http().post('/api/v1/grants/calls').set(as('company')).send({}).expect(400);
  });

  it('attaches a 3 MB PDF by 書類番号: GEC downloads it through grants-service’s access check, a municipality gets 404', async () => {
    const pdf = samplePdf(3 * 1024 * 1024, 'plan attachment');
    const upload = (who: string) =>
      http()
        .post('/api/v1/files?use=plan-attachment')
        .set(as(who))
        .set('Content-Type', 'application/pdf')
        .set('X-File-Name', encodeURIComponent('3-01 所在地地図.pdf'))
        .send(pdf);
    const mine = (await upload('company').expect(201)).body.id as string;
    const gecs = (await upload('gec').expect(201)).body.id as string;
    const current = await http().get(`/api/v1/grants/applications/${draftId}`).set(as('company')).expect(200);
    const refused = await http()
      .patch(`/api/v1/grants/applications/${draftId}`)
      .set(as('company'))
      .send({ baseVersion: current.body.version, patch: { attachments: [{ docRef: '3-01', fileId: gecs }] } })
      .expect(400);
    expect(refused.body.issues.map((i: { path: string }) => i.path)).toEqual(['patch.attachments.0.fileId']);
    const saved = await http()
      .patch(`/api/v1/grants/applications/${draftId}`)
      .set(as('company'))
      .send({
        baseVersion: current.body.version,
        patch: { attachments: [{ docRef: '3-01', fileId: mine, fileFormat: 'pdf' }] },
      })
      .expect(200);
    expect(saved.body.application.content.attachments).toEqual([
      { docRef: '3-01', fileId: mine, fileFormat: 'pdf' },
    ]);
    const meta = await http().get(`/api/v1/files/${mine}`).set(as('gec')).expect(200);
    expect(meta.body).toMatchObject({
      state: 'attached',
      owner: { service: 'grants', kind: 'application', id: draftId },
    });
    const got = await http()
      .get(`/api/v1/files/${mine}/content`)
      .set(as('gec'))
      .buffer(true)
      .parse((res, cb) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(Buffer.compare(got.body as Buffer, pdf)).toBe(0);
    await http().get(`/api/v1/files/${mine}/content`).set(as('kitakyushu')).expect(404);
  });
});
