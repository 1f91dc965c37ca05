import { connect } from 'nats';
import { AnnualContractView, JcmLeadPage, JcmLeadView, PARTNERSHIP_RPC } from '@jcm/contracts';
import { eventually, queryAs, TEST_NATS_URL } from '@jcm/testing';
import { ProgrammeHarness } from '../testing/programme-harness';

describe('JcmLeadHandler: 出口戦略 (real PostgreSQL + NATS)', () => {
  const h = new ProgrammeHarness();
  let contract: AnnualContractView;
  beforeAll(async () => {
    await h.start();
    contract = (await h.selectedContract()).contract;
    await h.call(
      PARTNERSHIP_RPC.annualContract.transition,
      h.as.moe,
      { id: contract.id, action: 'sign' },
      AnnualContractView,
    );
  });
  afterAll(() => h.stop());

  const lead = () => ({
    partnershipId: h.yokohamaBangkok.id,
    contractId: contract.id,
    titleJa: 'バンコク都 廃棄物発電',
    titleEn: 'Bangkok waste-to-energy',
    technology: 'Waste-to-energy incineration with power generation',
    estimatedTco2PerYear: '12486.5',
    estimatedCostYen: 3_000_000_000,
    consortium: [{ name: 'Demo Engineering', role: 'representative', country: 'JP' }],
  });

  it('records a lead by the contracted company and publishes partnership.jcm-lead.recorded through the outbox', async () => {
    const recorded = await h.call(PARTNERSHIP_RPC.jcmLead.record, h.as.company, lead(), JcmLeadView);
    expect(recorded).toMatchObject({
      status: 'identified',
      estimatedTco2PerYear: '12486.5',
      estimatedCostYen: 3_000_000_000,
    });
    await eventually(async () => {
      const rows = await queryAs(
        h.db.url,
        {},
        `SELECT 1 FROM partnership.outbox WHERE event_type = 'partnership.jcm-lead.recorded' AND published_at IS NOT NULL`,
      );
      return rows.length === 1 ? rows : undefined;
    });
    const nc = await connect({ servers: TEST_NATS_URL });
    try {
      const jsm = await nc.jetstreamManager();
      const msg = await jsm.streams.getMessage(h.bus.stream, {
        last_by_subj: `${h.bus.prefix}.partnership.jcm-lead.recorded`,
      });
      expect(JSON.parse(new TextDecoder().decode(msg.data))).toMatchObject({
        type: 'partnership.jcm-lead.recorded',
        data: { id: recorded.id },
      });
    } finally {
      await nc.close();
    }
  });

  it('advances identified → feasibility → jcm_subsidy_applied → grant_decided and refuses skipping or leaving an end state', async () => {
    const l = await h.call(PARTNERSHIP_RPC.jcmLead.record, h.as.yokohama, lead(), JcmLeadView);
    expect(
      await h.refusal(PARTNERSHIP_RPC.jcmLead.advance, h.as.company, { id: l.id, status: 'grant_decided' }),
    ).toMatchObject({ code: 'CONFLICT' });
    for (const status of ['feasibility', 'jcm_subsidy_applied', 'grant_decided']) {
      expect(
        (await h.call(PARTNERSHIP_RPC.jcmLead.advance, h.as.company, { id: l.id, status }, JcmLeadView))
          .status,
      ).toBe(status);
    }
    expect(
      await h.refusal(PARTNERSHIP_RPC.jcmLead.advance, h.as.company, { id: l.id, status: 'other_exit' }),
    ).toMatchObject({ code: 'CONFLICT' });
    const exit = await h.call(PARTNERSHIP_RPC.jcmLead.record, h.as.moe, lead(), JcmLeadView);
    expect(
      (
        await h.call(
          PARTNERSHIP_RPC.jcmLead.advance,
          h.as.moe,
          { id: exit.id, status: 'other_exit', note: 'JICA草の根' },
          JcmLeadView,
        )
      ).statusNote,
    ).toBe('JICA草の根');
  });

  it('refuses a float-like tonnage, and keeps leads from Kitakyushu and unrelated companies', async () => {
    expect(
      await h.refusal(PARTNERSHIP_RPC.jcmLead.record, h.as.company, { ...lead(), estimatedTco2PerYear: 1.5 }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await h.refusal(PARTNERSHIP_RPC.jcmLead.record, h.as.kitakyushu, lead())).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await h.refusal(PARTNERSHIP_RPC.jcmLead.record, h.as.otherCompany, lead())).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await h.call(PARTNERSHIP_RPC.jcmLead.list, h.as.kitakyushu, {}, JcmLeadPage)).toEqual({
      items: [],
      total: 0,
    });
    const forBangkok = await h.call(
      PARTNERSHIP_RPC.jcmLead.list,
      h.as.bangkok,
      { partnershipId: h.yokohamaBangkok.id, status: 'grant_decided' },
      JcmLeadPage,
    );
    expect(forBangkok.total).toBe(1);
  });
});
