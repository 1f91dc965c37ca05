import {
  B5_BUDGET,
  CALL_FY2026,
  dayOffset,
  ELIGIBLE,
  fullContinuingScore,
  OVER_HALF_OUTSOURCING,
  pdf,
  queryAs,
} from '@jcm/testing';
import { DEMO_ORGS } from '../demo/demo-data';
import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from '../testing/gateway-world';

describe('programme year over HTTP: call → proposal → contract → monthly report → year end (real services)', () => {
  let world: GatewayWorld;
  const http = () => world.http();
  const as = (who: string) => world.as(who);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await startGatewayWorld();
    const pairs = await http().get('/api/v1/partnerships').set(as('yokohama')).expect(200);
    ids.pair = pairs.body.items.find(
      (p: { partnerCity: { orgId: string } }) => p.partnerCity.orgId === DEMO_ORGS.bangkok,
    ).id;
  });

  afterAll(() => stopGatewayWorld(world));

  const proposal = (overrides: object = {}) => ({
    callId: ids.call,
    kind: 'CONTINUING',
    partnershipId: ids.pair,
    phase: 2,
    yearInPhase: 2,
    fiscalYear: 2026,
    pairHistoryFiscalYears: [2022, 2023, 2024, 2025],
    titleJa: 'バンコク気候変動マスタープランに基づくGHGネットゼロ実現加速化',
    titleEn: 'Accelerating GHG net zero under the Bangkok Climate Change Master Plan',
    targetFields: ['energy-efficiency', 'waste'],
    summaryJa: '廃棄物発電と省エネの案件形成を継続する。',
    summaryEn: 'Continue forming waste-to-energy and energy-efficiency projects.',
    eligibility: ELIGIBLE,
    requestedYen: 19_965_000,
    budgetLines: B5_BUDGET,
    ...overrides,
  });

  it('MOE creates and publishes the call; the company sees it only once published', async () => {
    await http()
      .post('/api/v1/calls')
      .set(as('company'))
      .send(CALL_FY2026(dayOffset(-3), dayOffset(27)))
      .expect(403);
    const call = await http()
      .post('/api/v1/calls')
      .set(as('moe'))
      .send(CALL_FY2026(dayOffset(-3), dayOffset(27)))
      .expect(201);
    ids.call = call.body.id;
    await http().get(`/api/v1/calls/${ids.call}`).set(as('company')).expect(404);
    await http().post(`/api/v1/calls/${ids.call}/publish`).set(as('moe')).expect(200);
    await http().post(`/api/v1/calls/${ids.call}/launch`).set(as('moe')).expect(400);
    const listed = await http().get('/api/v1/calls?state=published').set(as('company')).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([ids.call]);
  });

  it('refuses ¥20,000,001, outsourcing above ½, a 7th year and phase-1 year 4 with cited ja + en messages, saving nothing', async () => {
    const count = async () =>
      (
        await queryAs<{ n: number }>(world.db.url, {}, 'SELECT count(*)::int AS n FROM partnership.proposal')
      )[0].n;
    const before = await count();
    const cases: [object, string][] = [
      [{ requestedYen: 20_000_001 }, 'C3P-B1'],
      [{ budgetLines: OVER_HALF_OUTSOURCING, requestedYen: 19_965_001 }, 'C3P-B4'],
      [{ pairHistoryFiscalYears: [2020, 2021, 2022, 2023, 2024, 2025], yearInPhase: 3 }, 'C3P-D1'],
      [{ phase: 1, yearInPhase: 4 }, 'C3P-D5'],
    ];
    for (const [overrides, ruleId] of cases) {
      const res = await http()
        .post('/api/v1/proposals')
        .set(as('company'))
        .send(proposal(overrides))
        .expect(422);
      expect(res.body.code).toBe('RULE_VIOLATION');
      expect(res.body.issues).toEqual([
        {
          path: ruleId,
          message: expect.stringMatching(/[ぁ-んァ-ン一-龥].* \/ [A-Za-z].* \(city-partnerships\.md.*\)$/),
        },
      ]);
    }
    expect(await count()).toBe(before);
  });

  it('company drafts a continuing Yokohama–Bangkok proposal with both letters (Bangkok in English with 和訳) and submits it', async () => {
    const created = await http().post('/api/v1/proposals').set(as('company')).send(proposal()).expect(201);
    ids.proposal = created.body.id;
    expect(created.body.budget.totalInclTaxYen).toBe(19_965_000);

    const yk = await http()
      .post('/api/v1/interest-letters')
      .set(as('company'))
      .send({ proposalId: ids.proposal, issuerOrgId: DEMO_ORGS.yokohama, issuerRole: 'JP_MUNICIPALITY' })
      .expect(201);
    await http()
      .post(`/api/v1/interest-letters/${yk.body.id}/original`)
      .set(as('yokohama'))
      .send({ language: 'ja', signatoryName: '横浜市長', signedOn: '2026-02-10', file: pdf('yokohama.pdf') })
      .expect(200);
    await http().post(`/api/v1/interest-letters/${yk.body.id}/attach`).set(as('company')).expect(200);

    const bkk = await http()
      .post('/api/v1/interest-letters')
      .set(as('company'))
      .send({ proposalId: ids.proposal, issuerOrgId: DEMO_ORGS.bangkok, issuerRole: 'PARTNER_CITY' })
      .expect(201);
    ids.letter = bkk.body.id;
    await http()
      .post(`/api/v1/interest-letters/${ids.letter}/original`)
      .set(as('bangkok'))
      .send({
        language: 'en',
        signatoryName: 'Governor of Bangkok',
        signedOn: '2026-02-12',
        file: pdf('bangkok.pdf'),
      })
      .expect(200);
    const untranslated = await http()
      .post(`/api/v1/interest-letters/${ids.letter}/attach`)
      .set(as('company'))
      .expect(422);
    expect(untranslated.body.issues[0].path).toBe('C3P-E3');
    await http()
      .post(`/api/v1/interest-letters/${ids.letter}/translation`)
      .set(as('company'))
      .send({ file: pdf('bangkok-和訳.pdf') })
      .expect(200);
    const attached = await http()
      .post(`/api/v1/interest-letters/${ids.letter}/attach`)
      .set(as('company'))
      .expect(200);
    expect(attached.body.state).toBe('attached_to_proposal');

    const submitted = await http()
      .post(`/api/v1/proposals/${ids.proposal}/submit`)
      .set(as('company'))
      .expect(200);
    expect(submitted.body.state).toBe('submitted');
  });

  it('MOE reviews, scores 200/200 and selects: the contract exists with twelve monthly reports due', async () => {
    for (const step of ['close', 'review'])
      await http().post(`/api/v1/calls/${ids.call}/${step}`).set(as('moe')).expect(200);
    const { score, themeNovelty } = fullContinuingScore(ids.proposal);
    const scored = await http()
      .post(`/api/v1/proposals/${ids.proposal}/score`)
      .set(as('moe'))
      .send({ score, themeNovelty })
      .expect(200);
    expect(scored.body.score.total).toBe(200);
    const selected = await http()
      .post(`/api/v1/proposals/${ids.proposal}/select`)
      .set(as('moe'))
      .send({})
      .expect(201);
    ids.contract = selected.body.id;
    const again = await http()
      .post(`/api/v1/proposals/${ids.proposal}/select`)
      .set(as('moe'))
      .set('Idempotency-Key', 'select-1')
      .send({})
      .expect(201);
    expect(again.body.id).toBe(ids.contract);
    // A key the service cannot honour is refused, not dropped (issue #13 finding 5: 201 characters moved credits twice).
    const overLong = await http()
      .post(`/api/v1/proposals/${ids.proposal}/select`)
      .set(as('moe'))
      .set('Idempotency-Key', 'k'.repeat(201))
      .send({})
      .expect(400);
    expect(overLong.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const contract = await http().get(`/api/v1/contracts/${ids.contract}`).set(as('company')).expect(200);
    expect(contract.body).toMatchObject({
      state: 'negotiation',
      contractAmountYen: 19_965_000,
      startDate: '2026-04-01',
      endDate: '2027-03-31',
    });
    await http().post(`/api/v1/contracts/${ids.contract}/sign`).set(as('moe')).send({}).expect(200);
    const reports = await http()
      .get(`/api/v1/contracts/${ids.contract}/monthly-reports?limit=20`)
      .set(as('company'))
      .expect(200);
    expect(reports.body.total).toBe(12);
    expect(reports.body.items[0]).toMatchObject({ month: '2026-04', dueDate: '2026-05-10', state: 'draft' });
    ids.april = reports.body.items[0].id;
  });

  it('company writes and submits April; Bangkok may read but not acknowledge; Yokohama acknowledges', async () => {
    await http()
      .patch(`/api/v1/monthly-reports/${ids.april}`)
      .set(as('yokohama'))
      .send({ progressText: 'x' })
      .expect(403);
    await http()
      .patch(`/api/v1/monthly-reports/${ids.april}`)
      .set(as('company'))
      .send({
        progressText: 'バンコク都と廃棄物発電の現地調査を実施した。',
        upcoming: [{ date: '2026-05-20', kind: 'WORKSHOP', description: 'バンコク都職員向けワークショップ' }],
      })
      .expect(200);
    await http().post(`/api/v1/monthly-reports/${ids.april}/submit`).set(as('company')).expect(200);
    await http().get(`/api/v1/monthly-reports/${ids.april}`).set(as('bangkok')).expect(200);
    await http().post(`/api/v1/monthly-reports/${ids.april}/acknowledge`).set(as('bangkok')).expect(403);
    const ack = await http()
      .post(`/api/v1/monthly-reports/${ids.april}/acknowledge`)
      .set(as('yokohama'))
      .expect(200);
    expect(ack.body.state).toBe('acknowledged');
  });

  it('runs the year end over HTTP: kick-off meeting, a settlement report refused then accepted, the deliverables', async () => {
    const c = `/api/v1/contracts/${ids.contract}`;
    const cited = /[ぁ-んァ-ン一-龥].* \/ [A-Za-z].* \(city-partnerships\.md.*\)$/;
    const early = await http().post(`${c}/report-kickoff`).set(as('moe')).send({}).expect(422);
    expect(early.body.issues).toEqual([{ path: 'C3P-M1', message: expect.stringMatching(cited) }]);
    const badDate = await http()
      .post(`${c}/report-meetings`)
      .set(as('moe'))
      .send({ kind: 'KICKOFF', scheduledOn: 'soon' })
      .expect(400);
    expect(badDate.body.issues.map((i: { path: string }) => i.path)).toEqual(['scheduledOn']);
    const meeting = await http()
      .post(`${c}/report-meetings`)
      .set(as('moe'))
      .send({ kind: 'KICKOFF', scheduledOn: '2026-04-20' })
      .expect(201);
    ids.meeting = meeting.body.id;
    const m = `/api/v1/report-meetings/${ids.meeting}`;
    await http()
      .post(`${m}/materials`)
      .set(as('yokohama'))
      .send({ materials: [{ title: '報告資料' }] })
      .expect(403);
    await http()
      .post(`${m}/materials`)
      .set(as('company'))
      .send({ materials: [{ title: '報告資料', fileRef: 'docs/kickoff.pptx' }] })
      .expect(200);
    await http().post(`${m}/hold`).set(as('company')).send({ heldOn: '2026-04-21' }).expect(200);
    await http()
      .post(`${m}/minutes`)
      .set(as('company'))
      .send({ minutesText: '実施計画を確認した。' })
      .expect(200);
    const confirmed = await http().post(`${m}/confirm-minutes`).set(as('yokohama')).expect(200);
    expect(confirmed.body).toMatchObject({
      state: 'minutes_recorded',
      minutesConfirmations: [{ orgId: DEMO_ORGS.yokohama }],
    });
    expect((await http().post(`${c}/report-kickoff`).set(as('moe')).send({}).expect(200)).body.state).toBe(
      'kickoff_reported',
    );
    expect((await http().get(`${c}/report-meetings`).set(as('bangkok')).expect(200)).body.total).toBe(1);

    const half = (amountYen: unknown) => ({
      periodFrom: '2026-04-01',
      periodTo: '2026-09-30',
      lines: [{ category: '人件費', amountYen }],
    });
    const over = await http()
      .post(`${c}/settlement-reports`)
      .set(as('company'))
      .send(half(18_150_001))
      .expect(422); // ¥19,965,001 incl. tax
    expect(over.body.issues).toEqual([{ path: 'C3P-ST1', message: expect.stringMatching(cited) }]);
    expect(
      (
        await queryAs<{ n: number }>(
          world.db.url,
          {},
          'SELECT count(*)::int AS n FROM partnership.settlement_report',
        )
      )[0].n,
    ).toBe(0);
    const typo = await http()
      .post(`${c}/settlement-reports`)
      .set(as('company'))
      .send(half('3000000'))
      .expect(400);
    expect(typo.body.issues.map((i: { path: string }) => i.path)).toEqual(['lines.0.amountYen']);
    const settlement = await http()
      .post(`${c}/settlement-reports`)
      .set(as('company'))
      .send(half(3_000_000))
      .expect(201);
    ids.settlement = settlement.body.id;
    expect(settlement.body).toMatchObject({
      sequence: 1,
      consumptionTaxYen: 300_000,
      totalInclTaxYen: 3_300_000,
      state: 'draft',
    });
    await http().post(`/api/v1/settlement-reports/${ids.settlement}/submit`).set(as('company')).expect(200);
    await http().get(`/api/v1/settlement-reports/${ids.settlement}`).set(as('yokohama')).expect(404);
    expect(
      (await http().post(`/api/v1/settlement-reports/${ids.settlement}/accept`).set(as('moe')).expect(200))
        .body.state,
    ).toBe('accepted');

    const checklist = await http().get(`${c}/deliverables`).set(as('company')).expect(200);
    expect(checklist.body.total).toBe(4);
    ids.deliverable = checklist.body.items[0].id;
    const d = `/api/v1/deliverables/${ids.deliverable}`;
    await http().post(`${d}/submit`).set(as('company')).send({ fileRef: 'report.pdf' }).expect(409); // work not started
    await http().post(`${c}/start-work`).set(as('moe')).send({}).expect(200);
    await http().post(`${d}/submit`).set(as('company')).send({ fileRef: 'report.pdf' }).expect(200);
    expect((await http().post(`${d}/accept`).set(as('moe')).expect(200)).body.state).toBe('accepted');
  });

  it('shows Kitakyushu none of it: 404 on every record and empty lists', async () => {
    const nested = ['monthly-reports', 'report-meetings', 'settlement-reports', 'deliverables'].map(
      (r) => `contracts/${ids.contract}/${r}`,
    );
    const records = [
      `report-meetings/${ids.meeting}`,
      `settlement-reports/${ids.settlement}`,
      `deliverables/${ids.deliverable}`,
    ];
    for (const path of [
      `proposals/${ids.proposal}`,
      `contracts/${ids.contract}`,
      `monthly-reports/${ids.april}`,
      `interest-letters/${ids.letter}`,
      ...records,
      ...nested,
    ]) {
      const res = await http().get(`/api/v1/${path}`).set(as('kitakyushu'));
      if (nested.includes(path)) expect(res.body).toEqual({ items: [], total: 0 });
      else expect(res.status).toBe(404);
    }
    for (const path of [
      'proposals',
      'contracts',
      'monthly-reports',
      'interest-letters',
      'jcm-leads',
      'report-meetings',
      'settlement-reports',
      'deliverables',
    ]) {
      const res = await http().get(`/api/v1/${path}`).set(as('kitakyushu')).expect(200);
      expect(res.body).toEqual({ items: [], total: 0 });
    }
    await http()
      .post(`/api/v1/monthly-reports/${ids.april}/return`)
      .set(as('kitakyushu'))
      .send({ comment: 'x' })
      .expect(404);
    await http()
      .post(`/api/v1/report-meetings/${ids.meeting}/confirm-minutes`)
      .set(as('kitakyushu'))
      .expect(404);
    await http()
      .post(`/api/v1/contracts/${ids.contract}/report-meetings`)
      .set(as('kitakyushu'))
      .send({ kind: 'INTERIM', scheduledOn: '2026-10-01' })
      .expect(404);
  });

  it('records a JCM lead on the partnership for the contracted company', async () => {
    const lead = await http()
      .post(`/api/v1/partnerships/${ids.pair}/jcm-leads`)
      .set(as('company'))
      .send({
        titleJa: '廃棄物発電',
        titleEn: 'Waste to energy',
        technology: 'WtE',
        estimatedTco2PerYear: '5491',
        estimatedCostYen: 1_200_000_000,
      })
      .expect(201);
    expect(lead.body.status).toBe('identified');
    const listed = await http()
      .get(`/api/v1/partnerships/${ids.pair}/jcm-leads`)
      .set(as('yokohama'))
      .expect(200);
    expect(listed.body.total).toBe(1);
  });
});
