import { randomUUID } from 'crypto';
import { connect, NatsConnection } from 'nats';
import {
  AccountView,
  ConfirmedIssuance,
  CREDITS_RPC,
  EventEnvelope,
  LedgerVerification,
  MonitoringReportVerifiedEvent,
  MRV_EVENTS,
  PendingIssuancePage,
  PendingIssuanceView,
  TargetProgress,
} from '@jcm/contracts';
import { ctxFor, eventually, queryAs, signedEventHeaders, TEST_NATS_URL } from '@jcm/testing';
import { CreditsWorld, startCreditsWorld, stopCreditsWorld, withKey } from '../../testing/credits-world';

describe('Pending issuances from verified monitoring reports, and progress towards the JCM targets (real PostgreSQL + NATS)', () => {
  let w: CreditsWorld;
  let nc: NatsConnection;
  const tpe = randomUUID();

  /** Publishes the event as mrv-service's outbox relay would, straight into this test's JetStream stream. */
  const publish = async (data: MonitoringReportVerifiedEvent, eventId: string = randomUUID()) => {
    const envelope: EventEnvelope = {
      eventId,
      type: MRV_EVENTS.monitoringReport.verified.type,
      occurredAt: new Date().toISOString(),
      actor: { userId: randomUUID(), orgId: tpe, orgType: 'TPE' },
      correlationId: null,
      data,
    };
    const subject = `${w.bus.prefix}.${MRV_EVENTS.monitoringReport.verified.type}`;
    const body = new TextEncoder().encode(JSON.stringify(envelope));
    await nc
      .jetstream()
      .publish(subject, body, { headers: signedEventHeaders('mrv', subject, eventId, body) });
    return envelope;
  };
  const report = (overrides: Partial<MonitoringReportVerifiedEvent> = {}): MonitoringReportVerifiedEvent => ({
    reportId: randomUUID(),
    projectReference: 'MN001',
    monitoringPeriod: { start: '2024-01-01', end: '2024-12-31' },
    verifiedEmissionReductions: '12345',
    tpeOrgId: tpe,
    verificationDate: '2025-03-10',
    ...overrides,
  });
  const pending = (status?: string) =>
    w.call(CREDITS_RPC.issuance.listPending, w.ctx.moe, status ? { status } : {}, PendingIssuancePage);

  beforeAll(async () => {
    w = await startCreditsWorld();
    nc = await connect({ servers: TEST_NATS_URL });
  });

  afterAll(async () => {
    await nc?.close();
    await stopCreditsWorld(w);
  });

  it('creates one pending issuance per verified report, however often its event arrives', async () => {
    const first = report();
    const envelope = await publish(first);
    await publish(first, envelope.eventId); // redelivery of the same event
    await publish(first); // the same report republished under a new event id
    const page = await eventually(async () => {
      const p = await pending();
      const processed = await queryAs<{ n: string }>(
        w.db.url,
        {},
        `SELECT count(*)::text AS n FROM credits.processed_event`,
      );
      return p.total === 1 && processed[0].n === '2' ? p : undefined;
    });
    expect(page.items[0]).toMatchObject({
      monitoringReportId: first.reportId,
      sourceEventId: envelope.eventId,
      projectReference: 'MN001',
      projectId: w.project.id,
      registry: 'JP',
      quantity: '12345',
      suggestedVintage: 2024,
      status: 'PENDING',
      issuanceId: null,
    });
  });

  it('shows pending issuances to the registry manager only (query and RLS)', async () => {
    const forCompany = await w.call(
      CREDITS_RPC.issuance.listPending,
      w.ctx.companyA,
      {},
      PendingIssuancePage,
    );
    expect(forCompany.total).toBe(0);
    const raw = await queryAs(
      w.db.url,
      { role: w.config.dbRole, orgType: 'COMPANY', orgId: w.org.companyA },
      'SELECT * FROM credits.pending_issuance',
    );
    expect(raw).toHaveLength(0);
  });

  it('confirms into the normal issuance in one transaction, exactly once', async () => {
    const [item] = (await pending('PENDING')).items;
    const cmd = {
      id: item.id,
      jointCommitteeDecisionRef: 'JC-MN-2025-03',
      participantAllocations: [{ accountId: w.accounts.companyA.id }],
    };
    await expect(
      w.call(CREDITS_RPC.issuance.confirm, w.ctx.companyA, cmd, ConfirmedIssuance),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      w.call(CREDITS_RPC.issuance.confirm, ctxFor(w.org.moe, 'MOE', 'viewer'), cmd, ConfirmedIssuance),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const ctx = withKey(w.ctx.moe, `confirm-${item.id}`);
    const [a, b] = await Promise.all([
      w.call(CREDITS_RPC.issuance.confirm, ctx, cmd, ConfirmedIssuance),
      w.call(CREDITS_RPC.issuance.confirm, ctx, cmd, ConfirmedIssuance),
    ]);
    expect(a.issuance.id).toBe(b.issuance.id);
    expect(a.pendingIssuance).toMatchObject({
      status: 'CONFIRMED',
      issuanceId: a.issuance.id,
      decidedAt: expect.any(String),
    });
    // 12,345 t with a ½ government share: 6,173 t to Japan (never below its share), 6,172 t to company A.
    expect(a.issuance).toMatchObject({
      quantity: '12345',
      governmentQuantity: '6173',
      vintage: 2024,
      monitoringPeriod: item.monitoringPeriod,
    });
    expect(a.issuance.blocks.map((x) => x.serial)).toEqual([
      'JP-MN001-2024-1-6173',
      'JP-MN001-2024-6174-12345',
    ]);
    const mine = await w.call(
      CREDITS_RPC.account.get,
      w.ctx.companyA,
      { id: w.accounts.companyA.id },
      AccountView,
    );
    expect(mine.balance).toBe('6172');
    await expect(
      w.call(CREDITS_RPC.issuance.confirm, w.ctx.moe, cmd, ConfirmedIssuance),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('rejects a pending issuance with a reason, and leaves an unregistered project unconfirmable', async () => {
    const unknown = report({
      projectReference: 'TH042',
      monitoringPeriod: { start: '2024-04-01', end: '2025-03-31' },
      verifiedEmissionReductions: '900',
    });
    await publish(unknown);
    const item = await eventually(async () =>
      (await pending('PENDING')).items.find((p) => p.monitoringReportId === unknown.reportId),
    );
    expect(item).toMatchObject({ projectId: null, suggestedVintage: 2025 });
    const confirm = {
      id: item.id,
      jointCommitteeDecisionRef: 'JC-TH-1',
      participantAllocations: [{ accountId: w.accounts.companyA.id }],
    };
    await expect(
      w.call(CREDITS_RPC.issuance.confirm, w.ctx.moe, confirm, ConfirmedIssuance),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(
      w.call(
        CREDITS_RPC.issuance.reject,
        ctxFor(randomUUID(), 'SECRETARIAT'),
        { id: item.id, reason: 'no' },
        PendingIssuanceView,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const rejected = await w.call(
      CREDITS_RPC.issuance.reject,
      w.ctx.moe,
      { id: item.id, reason: 'Project not registered under the JCM' },
      PendingIssuanceView,
    );
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Project not registered under the JCM',
    });
    expect((await pending('PENDING')).total).toBe(0);
  });

  it('reports progress towards ~100 Mt by FY2030 and ~200 Mt by FY2040 for MOE only, in whole tonnes', async () => {
    await publish(
      report({
        monitoringPeriod: { start: '2025-01-01', end: '2025-12-31' },
        verifiedEmissionReductions: '777',
      }),
    );
    await eventually(async () => ((await pending('PENDING')).total === 1 ? true : undefined));
    const progress = await w.call(CREDITS_RPC.targetProgress.get, w.ctx.moe, {}, TargetProgress);
    expect(progress.measures).toEqual({
      issued: '12345',
      governmentShare: '6173',
      authorisedForNdc: '0',
      correspondinglyAdjusted: '0',
      retiredTowardsNdc: '0',
      pendingIssuance: '777',
    });
    expect(progress.targets).toEqual([
      {
        fiscalYear: 2030,
        targetTonnes: '100000000',
        issuedByThen: '12345',
        percentIssued: '0.01',
        percentGovernmentShare: '0.00',
        remaining: '99987655',
      },
      {
        fiscalYear: 2040,
        targetTonnes: '200000000',
        issuedByThen: '12345',
        percentIssued: '0.00',
        percentGovernmentShare: '0.00',
        remaining: '199987655',
      },
    ]);
    expect(progress.source).toMatch(/§1\.1/);
    expect(progress.basis).toMatch(/emission reductions and removals/);
    await expect(
      w.call(CREDITS_RPC.targetProgress.get, w.ctx.companyA, {}, TargetProgress),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const verification = await w.call(CREDITS_RPC.ledger.verify, w.ctx.moe, {}, LedgerVerification);
    expect(verification).toMatchObject({ intact: true, totalIssued: '12345' });
  });
});
