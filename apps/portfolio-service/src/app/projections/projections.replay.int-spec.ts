import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import {
  CREDITS_EVENTS,
  MRV_EVENTS,
  Dashboard,
  PARTNERSHIP_EVENTS,
  PARTNERSHIP_RPC,
  PartnershipView,
  PartyRef,
  PORTFOLIO_RPC,
  RequestContext,
} from '@jcm/contracts';
import { DATA_SOURCE, EventVerifier, fixedClock, sendRpc } from '@jcm/service-kit';
import {
  bootService,
  createTestDatabase,
  ctxFor,
  deleteTestStream,
  eventually,
  migrateForTest,
  queryAs,
  startTestService,
  TEST_NATS_URL,
  testSecurity,
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { PORTFOLIO_MIGRATIONS } from '../../migrations';
import {
  account,
  contract,
  issuance,
  jcmLead,
  monthlyReport,
  project,
  publishEvent,
  retirement,
} from '../../testing/portfolio-events';
import { PortfolioServiceModule } from '../app.module';
import { DashboardService } from '../dashboard/dashboard.service';
import { replayProjections } from './replay';

/**
 * portfolio-service's projections on the real PostgreSQL and JetStream: a real partnership-service publishes the
 * city pair, the other producers' events are published with their own schemas (some out of order on purpose), and a
 * replay of the whole stream into an empty schema yields exactly the live figures.
 */
describe('portfolio projections: live, tenant-scoped, and replayed', () => {
  const bus = testEventBus();
  const clock = fixedClock('2026-08-05T03:00:00Z');
  let live: TestDatabase;
  let empty: TestDatabase;
  let partnershipApp: INestApplication;
  let liveApp: INestApplication;
  let replayApp: INestApplication;
  let client: ClientNats;
  let nc: NatsConnection;

  const YOKOHAMA: PartyRef = {
    orgId: randomUUID(),
    nameJa: '横浜市',
    nameEn: 'City of Yokohama',
    country: 'JP',
  };
  const BANGKOK: PartyRef = { orgId: randomUUID(), nameJa: 'バンコク都', nameEn: 'Bangkok', country: 'TH' };
  const KITAKYUSHU: PartyRef = {
    orgId: randomUUID(),
    nameJa: '北九州市',
    nameEn: 'City of Kitakyushu',
    country: 'JP',
  };
  const DAVAO: PartyRef = { orgId: randomUUID(), nameJa: 'ダバオ市', nameEn: 'Davao City', country: 'PH' };
  const ALPHA: PartyRef = { orgId: randomUUID(), nameJa: 'アルファ社', nameEn: 'Alpha Co.', country: 'JP' };
  const BETA: PartyRef = { orgId: randomUUID(), nameJa: 'ベータ社', nameEn: 'Beta Co.', country: 'JP' };
  const moe = ctxFor(randomUUID(), 'MOE');
  const yokohama = ctxFor(YOKOHAMA.orgId, 'MUNICIPALITY');
  const beta = ctxFor(BETA.orgId, 'COMPANY');
  const stranger = ctxFor(randomUUID(), 'COMPANY');

  const dashboard = (ctx: RequestContext) => sendRpc(client, PORTFOLIO_RPC.dashboard.get, ctx, {}, Dashboard);
  const idle = async () => {
    const jsm = await nc.jetstreamManager();
    for (const source of ['partnership', 'credits', 'mrv']) {
      const info = await jsm.consumers.info(bus.stream, `portfolio-service--${source}`);
      if (info.num_pending > 0 || info.num_ack_pending > 0) return undefined;
    }
    return true;
  };

  beforeAll(async () => {
    [live, empty] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    partnershipApp = (await bootService('partnership-service', live, bus)).app;
    const liveConfig = testServiceConfig('portfolio', live.url, bus);
    await migrateForTest(liveConfig, PORTFOLIO_MIGRATIONS);
    liveApp = await startTestService(
      'portfolio-service',
      PortfolioServiceModule.register(liveConfig, { clock }),
      bus,
    );
    const emptyConfig = testServiceConfig(
      'portfolio',
      empty.url,
      { ...bus, rpcPrefix: `${bus.rpcPrefix}replay.` },
      { outboxRelay: false },
    );
    await migrateForTest(emptyConfig, PORTFOLIO_MIGRATIONS);
    replayApp = await startTestService(
      'portfolio-service',
      PortfolioServiceModule.register(emptyConfig, { clock, consumers: false }),
      {
        ...bus,
        rpcPrefix: `${bus.rpcPrefix}replay.`,
      },
    );
    client = testNatsClient(bus);
    await client.connect();
    nc = await connect({ servers: TEST_NATS_URL });
  });

  afterAll(async () => {
    await client?.close();
    await nc?.close();
    await replayApp?.close();
    await liveApp?.close();
    await partnershipApp?.close();
    await deleteTestStream(bus.stream);
    await Promise.all([live?.drop(), empty?.drop()]);
  });

  it('projects the programme from every producer, whatever order the events arrive in', async () => {
    const pair = await sendRpc(
      client,
      PARTNERSHIP_RPC.partnership.create,
      yokohama,
      {
        municipality: YOKOHAMA,
        partnerCity: BANGKOK,
        titleJa: '横浜市・バンコク都',
        titleEn: 'Yokohama–Bangkok',
        targetFields: ['waste'],
        targetFieldOther: null,
      },
      PartnershipView,
    );
    const secondPairId = randomUUID();
    const a = contract({
      partnershipId: pair.id,
      company: ALPHA,
      municipality: YOKOHAMA,
      partnerCity: BANGKOK,
      amountYen: 19_965_000,
      fiscalYear: 2026,
    });
    const b = contract({
      partnershipId: secondPairId,
      company: BETA,
      municipality: KITAKYUSHU,
      partnerCity: DAVAO,
      amountYen: 20_000_001,
      fiscalYear: 2026,
    });
    const overdue = monthlyReport(b.id, '2026-06', '2026-07-10', 'draft');
    // Report before its contract: its tenancy is filled in when the contract arrives.
    await publishEvent(
      bus,
      PARTNERSHIP_EVENTS.monthlyReport.updated,
      overdue,
      '2026-07-01T00:00:00.000Z',
      overdue.id,
    );
    await publishEvent(bus, PARTNERSHIP_EVENTS.annualContract.created, a, '2026-05-01T00:00:00.000Z', a.id);
    await publishEvent(
      bus,
      PARTNERSHIP_EVENTS.annualContract.signed,
      { ...b, state: 'in_progress' },
      '2026-06-01T00:00:00.000Z',
      b.id,
    );
    // A stale event (older than what the row holds) must not roll the contract back.
    await publishEvent(
      bus,
      PARTNERSHIP_EVENTS.annualContract.created,
      { ...b, contractAmountYen: 1 },
      '2026-05-01T00:00:00.000Z',
      b.id,
    );
    const dueSoon = monthlyReport(a.id, '2026-07', '2026-08-10', 'draft');
    const done = monthlyReport(a.id, '2026-06', '2026-07-10', 'acknowledged');
    await publishEvent(
      bus,
      PARTNERSHIP_EVENTS.monthlyReport.updated,
      dueSoon,
      '2026-07-20T00:00:00.000Z',
      dueSoon.id,
    );
    await publishEvent(
      bus,
      PARTNERSHIP_EVENTS.monthlyReport.acknowledged,
      done,
      '2026-07-09T00:00:00.000Z',
      done.id,
    );
    const lead = jcmLead(pair.id);
    await publishEvent(bus, PARTNERSHIP_EVENTS.jcmLead.recorded, lead, '2026-07-01T00:00:00.000Z', lead.id);
    const th = project('TH', 'TH_AM001', [ALPHA.orgId, YOKOHAMA.orgId]);
    const ph = project('PH', 'PH_AM002', [BETA.orgId]);
    const i1 = issuance(th.id, 2025, '1200', '600');
    // Issuance before its project's registration.
    await publishEvent(bus, CREDITS_EVENTS.block.issued, i1, '2026-07-02T00:00:00.000Z', i1.id);
    await publishEvent(bus, CREDITS_EVENTS.project.registered, th, '2026-07-01T00:00:00.000Z', th.id);
    await publishEvent(bus, CREDITS_EVENTS.project.registered, ph, '2026-07-01T00:00:00.000Z', ph.id);
    const i2 = issuance(ph.id, 2026, '301', '150');
    await publishEvent(bus, CREDITS_EVENTS.block.issued, i2, '2026-07-03T00:00:00.000Z', i2.id);
    const acct = account(ALPHA.orgId);
    await publishEvent(bus, CREDITS_EVENTS.account.opened, acct, '2026-07-01T00:00:00.000Z', acct.id);
    const ret = retirement(acct.id, '100');
    await publishEvent(bus, CREDITS_EVENTS.retirement.completed, ret, '2026-07-04T00:00:00.000Z', ret.id);

    const tpe = randomUUID();
    await publishEvent(
      bus,
      MRV_EVENTS.monitoringReport.verified,
      {
        reportId: randomUUID(),
        projectReference: 'TH001',
        monitoringPeriod: { start: '2025-01-01', end: '2025-12-31' },
        verifiedEmissionReductions: '1300',
        tpeOrgId: tpe,
        verificationDate: '2026-06-30',
      },
      '2026-06-30T00:00:00.000Z',
      'mrv-1',
    );

    await eventually(
      async () => ((await dashboard(moe)).tonnes.retired === '100' && (await idle()) ? true : undefined),
      20_000,
    );
    const all = await dashboard(moe);
    expect(all.money).toEqual({
      contracts: 2,
      contractAmountYen: String(19_965_000 + 20_000_001),
      capPerContractYen: '20000000',
      contractsOverCap: 1,
      byFiscalYear: [{ fiscalYear: 2026, contracts: 2, amountYen: '39965001' }],
    });
    expect(all.pipeline.map((s) => [s.stage, s.count, s.conversionPercent])).toEqual([
      ['city_pair', 1, null],
      ['jcm_lead', 1, '100.00'],
      ['application', 0, '0.00'],
      ['adopted', 0, '0.00'],
      ['decided', 0, '0.00'],
      ['registered', 2, '0.00'],
      ['verified', 1, '50.00'],
      ['issued', 2, '200.00'],
    ]);
    expect(all.tonnes).toMatchObject({ issued: '1501', governmentShare: '750', retired: '100' });
    expect(all.tonnes.targets).toEqual([
      { fiscalYear: 2030, tonnes: '100000000', percentIssued: '0.00' },
      { fiscalYear: 2040, tonnes: '200000000', percentIssued: '0.00' },
    ]);
    expect(all.tonnes.byCountry).toEqual([
      { key: 'JP', issued: '0', governmentShare: '0', retired: '100' },
      { key: 'PH', issued: '301', governmentShare: '150', retired: '0' },
      { key: 'TH', issued: '1200', governmentShare: '600', retired: '0' },
    ]);
    expect(all.workDue).toEqual({
      monthlyReportsDueSoon: 1,
      monthlyReportsOverdue: 1,
      byOrganisation: [
        { orgId: ALPHA.orgId, nameJa: 'アルファ社', nameEn: 'Alpha Co.', dueSoon: 1, overdue: 0 },
        { orgId: BETA.orgId, nameJa: 'ベータ社', nameEn: 'Beta Co.', dueSoon: 0, overdue: 1 },
      ],
    });
  });

  it('shows a municipality or company only its own records, in the query and under RLS', async () => {
    const y = await dashboard(yokohama);
    expect(y.money.contracts).toBe(1);
    expect(y.money.contractAmountYen).toBe('19965000');
    expect(y.tonnes.issued).toBe('1200');
    expect(y.workDue.byOrganisation.map((o) => o.nameEn)).toEqual(['Alpha Co.']);
    const b = await dashboard(beta);
    expect([b.money.contractAmountYen, b.tonnes.issued, b.workDue.monthlyReportsOverdue]).toEqual([
      '20000001',
      '301',
      1,
    ]);
    const s = await dashboard(stranger);
    expect([s.money.contracts, s.tonnes.issued, s.pipeline[0].count]).toEqual([0, '0', 0]);
    // RLS by itself, as the service's role without the query's filter.
    const rows = await queryAs(
      live.url,
      { role: 'jcm_portfolio', orgId: BETA.orgId, orgType: 'COMPANY' },
      'SELECT contract_id FROM portfolio.contract',
    );
    expect(rows).toHaveLength(1);
  });

  it('replays the whole stream into an empty schema and gets exactly the live figures', async () => {
    const replayDs = replayApp.get<DataSource>(DATA_SOURCE);
    const jsm = await nc.jetstreamManager();
    const verifier = new EventVerifier(testSecurity('portfolio').trustedKeys);
    const applied = await replayProjections({
      dataSource: replayDs,
      js: nc.jetstream(),
      jsm,
      stream: bus.stream,
      prefix: bus.prefix,
      service: 'portfolio-replay',
      verifier,
    });
    expect(applied['partnership']).toBeGreaterThanOrEqual(8);
    expect(applied['credits']).toBe(6);
    expect(applied['mrv']).toBe(1);
    const liveFigures = liveApp.get(DashboardService);
    const replayed = replayApp.get(DashboardService);
    for (const ctx of [moe, yokohama, beta, stranger]) {
      expect(await replayed.get(ctx, {})).toEqual(await liveFigures.get(ctx, {}));
    }
    // Replaying twice changes nothing.
    await replayProjections({
      dataSource: replayDs,
      js: nc.jetstream(),
      jsm,
      stream: bus.stream,
      prefix: bus.prefix,
      service: 'portfolio-replay',
      verifier,
    });
    expect(await replayed.get(moe, {})).toEqual(await liveFigures.get(moe, {}));
  });
});
