import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { connect, NatsConnection } from 'nats';
import { z } from 'zod';
import {
  AccountView,
  CREDITS_RPC,
  MonitoringReportPage,
  MonitoringReportVerifiedEvent,
  MonitoringReportView,
  MRV_RPC,
  PendingIssuancePage,
  ProjectView,
  RegistryView,
  RequestContext,
} from '@jcm/contracts';
import { sendRpc } from '@jcm/service-kit';
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
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { MRV_MIGRATIONS } from '../../migrations';
import { MrvServiceModule } from '../app.module';

describe('legacy one-step TPE record of a verified report → pending issuance in the registry (real PostgreSQL + NATS)', () => {
  let db: TestDatabase;
  let mrv: INestApplication;
  let credits: INestApplication;
  let client: ClientNats;
  let nc: NatsConnection;
  const bus = testEventBus();
  const org = { tpe: randomUUID(), otherTpe: randomUUID(), moe: randomUUID(), company: randomUUID() };
  const ctx = {
    tpe: ctxFor(org.tpe, 'TPE'),
    otherTpe: ctxFor(org.otherTpe, 'TPE'),
    moe: ctxFor(org.moe, 'MOE'),
    company: ctxFor(org.company, 'COMPANY'),
  };
  const call = <S extends z.ZodTypeAny>(subject: string, c: RequestContext, data: unknown, schema: S) =>
    sendRpc(client, subject, c, data, schema, 10_000);
  const verification = (overrides: Record<string, unknown> = {}) => ({
    projectReference: 'MN001',
    monitoringPeriod: { start: '2024-01-01', end: '2024-12-31' },
    // 12,000.5 MWh × 0.9 tCO2/MWh grid factor = 10,800.45 t reference; 300.2 t project emissions.
    reference: [{ label: 'Grid electricity displaced', activity: '12000.5', emissionFactor: '0.9' }],
    projectEmissionsT: '300.2',
    verificationDate: '2025-02-20',
    verificationReportRef: 'VR-2025-014',
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    const mrvConfig = testServiceConfig('mrv', db.url, bus);
    await migrateForTest(mrvConfig, MRV_MIGRATIONS);
    mrv = await startTestService('mrv-service', MrvServiceModule.register(mrvConfig), bus);
    // End to end: the real credits-service consumes the event in-process, booted through @jcm/testing.
    credits = (await bootService('credits-service', db, bus)).app;
    client = testNatsClient(bus);
    await client.connect();
    nc = await connect({ servers: TEST_NATS_URL });
    await call(
      CREDITS_RPC.registry.create,
      ctx.moe,
      { code: 'JP', nameEn: 'JCM Registry (Japan)', nameJa: 'JCM登録簿（日本）', managerOrgId: org.moe },
      RegistryView,
    );
    await call(
      CREDITS_RPC.account.open,
      ctx.moe,
      { registry: 'JP', type: 'GOVERNMENT_HOLDING', ownerOrgId: org.moe, holderName: 'Government of Japan' },
      AccountView,
    );
  });

  afterAll(async () => {
    await nc?.close();
    await client?.close();
    await credits?.close();
    await mrv?.close();
    await deleteTestStream(bus.stream);
    await db?.drop();
  });

  it('computes ER = RE − PE in whole tonnes rounded down, and lets only a TPE verify', async () => {
    await expect(
      call(MRV_RPC.monitoringReport.recordVerified, ctx.company, verification(), MonitoringReportView),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      call(
        MRV_RPC.monitoringReport.recordVerified,
        ctxFor(org.tpe, 'TPE', 'viewer'),
        verification(),
        MonitoringReportView,
      ),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const key = { ...ctx.tpe, idempotencyKey: 'verify-mn001-2024' };
    const report = await call(
      MRV_RPC.monitoringReport.recordVerified,
      key,
      verification(),
      MonitoringReportView,
    );
    // 10,800.45 − 300.2 = 10,500.25 t → 10,500 (rounded down).
    expect(report).toMatchObject({
      projectId: null,
      verifiedEmissionReductions: '10500',
      tpeOrgId: org.tpe,
      status: 'VERIFIED',
    });
    const again = await call(
      MRV_RPC.monitoringReport.recordVerified,
      key,
      verification(),
      MonitoringReportView,
    );
    expect(again.id).toBe(report.id);
    await expect(
      call(
        MRV_RPC.monitoringReport.recordVerified,
        ctx.tpe,
        verification({ monitoringPeriod: { start: '2024-06-01', end: '2025-01-31' } }),
        MonitoringReportView,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a period without reductions, float-like inputs and a verification before the period ends', async () => {
    const base = {
      monitoringPeriod: { start: '2023-01-01', end: '2023-12-31' },
      verificationDate: '2024-02-01',
    };
    await expect(
      call(
        MRV_RPC.monitoringReport.recordVerified,
        ctx.tpe,
        verification({ ...base, reference: undefined, referenceEmissionsT: '100', projectEmissionsT: '150' }),
        MonitoringReportView,
      ),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(
      call(
        MRV_RPC.monitoringReport.recordVerified,
        ctx.tpe,
        verification({ ...base, projectEmissionsT: 300.2 }),
        MonitoringReportView,
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      call(
        MRV_RPC.monitoringReport.recordVerified,
        ctx.tpe,
        verification({ ...base, verificationDate: '2023-12-30' }),
        MonitoringReportView,
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('shows a TPE its own reports only (query and RLS); MOE sees all', async () => {
    expect((await call(MRV_RPC.monitoringReport.list, ctx.otherTpe, {}, MonitoringReportPage)).total).toBe(0);
    expect((await call(MRV_RPC.monitoringReport.list, ctx.tpe, {}, MonitoringReportPage)).total).toBe(1);
    expect(
      (
        await call(
          MRV_RPC.monitoringReport.list,
          ctx.moe,
          { projectReference: 'MN001' },
          MonitoringReportPage,
        )
      ).total,
    ).toBe(1);
    const raw = await queryAs(
      db.url,
      { role: 'jcm_mrv', orgType: 'TPE', orgId: org.otherTpe },
      'SELECT * FROM mrv.monitoring_report',
    );
    expect(raw).toHaveLength(0);
  });

  it('publishes mrv.monitoring-report.verified through the outbox, and credits-service prepares one pending issuance', async () => {
    const jsm = await nc.jetstreamManager();
    const msg = await eventually(() =>
      jsm.streams
        .getMessage(bus.stream, { last_by_subj: `${bus.prefix}.mrv.monitoring-report.verified` })
        .catch(() => undefined),
    );
    const envelope = JSON.parse(new TextDecoder().decode(msg.data));
    expect(envelope).toMatchObject({
      type: 'mrv.monitoring-report.verified',
      actor: { orgId: org.tpe, orgType: 'TPE' },
    });
    const event = MonitoringReportVerifiedEvent.parse(envelope.data);
    expect(event).toMatchObject({
      projectReference: 'MN001',
      verifiedEmissionReductions: '10500',
      verificationDate: '2025-02-20',
    });
    const page = await eventually(async () => {
      const p = await call(CREDITS_RPC.issuance.listPending, ctx.moe, {}, PendingIssuancePage);
      return p.total === 1 ? p : undefined;
    });
    expect(page.items[0]).toMatchObject({
      monitoringReportId: event.reportId,
      quantity: '10500',
      status: 'PENDING',
      projectId: null,
    });
    // Once the project is registered, the pending issuance resolves to it.
    const project = await call(
      CREDITS_RPC.project.register,
      ctx.moe,
      {
        reference: 'MN001',
        partnerCountry: 'MN',
        titleEn: 'Solar',
        methodology: 'MN_AM003',
        participantOrgIds: [org.company],
        subsidised: true,
        governmentShare: '0.5',
      },
      ProjectView,
    );
    const resolved = await call(CREDITS_RPC.issuance.listPending, ctx.moe, {}, PendingIssuancePage);
    expect(resolved.items[0].projectId).toBe(project.id);
  });
});
