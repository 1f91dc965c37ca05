import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { connect } from 'nats';
import * as z from 'zod';
import {
  AnnualContractCreatedEvent,
  EventDefinition,
  EventEnvelope,
  MonthlyReportView,
  NOTIFICATION_RPC,
  NotificationList,
  PARTNERSHIP_EVENTS,
  PartyRef,
  UnreadCount,
} from '@jcm/contracts';
import { fixedClock, sendRpc } from '@jcm/service-kit';
import {
  B5_BUDGET,
  B5_TOTAL_YEN,
  createTestDatabase,
  ctxFor,
  deleteTestStream,
  eventually,
  migrateForTest,
  signedEventHeaders,
  startTestService,
  TEST_NATS_URL,
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { NOTIFICATION_MIGRATIONS } from '../../migrations';
import { NotificationServiceModule } from '../app.module';
import { NotificationsService } from './notifications.service';

/** Notices from partnership events and the due-date job, on the real PostgreSQL and JetStream. */
describe('notification-service', () => {
  const bus = testEventBus();
  let db: TestDatabase;
  let app: INestApplication;
  let client: ClientNats;
  const COMPANY: PartyRef = { orgId: randomUUID(), nameJa: 'アルファ社', nameEn: 'Alpha Co.', country: 'JP' };
  const YOKOHAMA: PartyRef = {
    orgId: randomUUID(),
    nameJa: '横浜市',
    nameEn: 'City of Yokohama',
    country: 'JP',
  };
  const BANGKOK: PartyRef = { orgId: randomUUID(), nameJa: 'バンコク都', nameEn: 'Bangkok', country: 'TH' };
  const company = ctxFor(COMPANY.orgId, 'COMPANY');
  const yokohama = ctxFor(YOKOHAMA.orgId, 'MUNICIPALITY');
  const contractId = randomUUID();
  const reportId = randomUUID();

  const publish = async <S extends z.ZodTypeAny>(
    def: EventDefinition<S>,
    data: z.infer<S>,
    occurredAt: string,
    eventId = randomUUID(),
  ) => {
    const envelope: EventEnvelope = {
      eventId,
      type: def.type,
      occurredAt,
      actor: { userId: null, orgId: null, orgType: null },
      correlationId: null,
      data: def.schema.parse(data),
    };
    const subject = `${bus.prefix}.${def.type}`;
    const body = new TextEncoder().encode(JSON.stringify(envelope));
    const nc = await connect({ servers: TEST_NATS_URL });
    // A fresh msgID each time: a re-publish beyond JetStream's duplicate window, which only the consumer can catch.
    await nc.jetstream().publish(subject, body, {
      msgID: randomUUID(),
      headers: signedEventHeaders('partnership', subject, eventId, body),
    });
    await nc.close();
  };
  const contract = (state: AnnualContractCreatedEvent['state']): AnnualContractCreatedEvent => ({
    id: contractId,
    proposalId: randomUUID(),
    callId: randomUUID(),
    partnershipId: null,
    fiscalYear: 2026,
    titleJa: '横浜市・バンコク都',
    titleEn: 'Yokohama–Bangkok',
    company: COMPANY,
    municipality: YOKOHAMA,
    partnerCity: BANGKOK,
    requestedYen: B5_TOTAL_YEN,
    contractAmountYen: B5_TOTAL_YEN,
    budgetLines: B5_BUDGET,
    budget: {
      subtotalExclTaxYen: 18_150_000,
      consumptionTaxYen: 1_815_000,
      totalInclTaxYen: B5_TOTAL_YEN,
      outsourcingLimitYen: 6_050_000,
      capInclTaxYen: 20_000_000,
    },
    startDate: '2026-05-01',
    endDate: '2027-03-10',
    state,
    amountHistory: [],
    createdAt: '2026-05-01T00:00:00.000Z',
    monthlyReports: 10,
  });
  const report = (state: MonthlyReportView['state']): MonthlyReportView => ({
    id: reportId,
    contractId,
    month: '2026-06',
    dueDate: '2026-07-10',
    state,
    progressText: '',
    upcoming: [],
    returnComment: null,
    overdue: false,
    submittedAt: null,
    acknowledgedAt: null,
    updatedAt: '2026-07-01T00:00:00.000Z',
  });
  const list = (ctx = company) =>
    sendRpc(client, NOTIFICATION_RPC.notification.list, ctx, {}, NotificationList);
  const unread = (ctx = company) =>
    sendRpc(client, NOTIFICATION_RPC.notification.unreadCount, ctx, {}, UnreadCount);

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testServiceConfig('notification', db.url, bus);
    await migrateForTest(config, NOTIFICATION_MIGRATIONS);
    app = await startTestService(
      'notification-service',
      NotificationServiceModule.register(config, fixedClock('2026-07-12T01:00:00Z')),
      bus,
    );
    client = testNatsClient(bus);
    await client.connect();
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
    await deleteTestStream(bus.stream);
    await db?.drop();
  });

  it('reminds the contractor of an overdue monthly report once, however often the job runs', async () => {
    await publish(PARTNERSHIP_EVENTS.monthlyReport.updated, report('draft'), '2026-07-01T00:00:00.000Z');
    await publish(
      PARTNERSHIP_EVENTS.annualContract.created,
      contract('contracted'),
      '2026-05-01T00:00:00.000Z',
    );
    const job = app.get(NotificationsService);
    const first = await eventually(async () => {
      const n = await job.runDueReminders();
      return n > 0 ? n : undefined;
    });
    expect(first).toBe(1);
    expect(await job.runDueReminders()).toBe(0);
    const { items } = await list();
    expect(items.map((i) => [i.kind, i.titleEn, i.link])).toEqual([
      [
        'MONTHLY_REPORT_OVERDUE',
        'Monthly report 2026-06 is overdue (due 2026-07-10; Yokohama–Bangkok)',
        `/monthly-reports/${reportId}`,
      ],
    ]);
    expect(await unread()).toEqual({ unread: 1 });
    expect((await list(yokohama)).items).toEqual([]);
  });

  it('tells both parties a contract was signed, once although the event arrives twice', async () => {
    const eventId = randomUUID();
    await publish(
      PARTNERSHIP_EVENTS.annualContract.signed,
      contract('contracted'),
      '2026-05-02T00:00:00.000Z',
      eventId,
    );
    await publish(
      PARTNERSHIP_EVENTS.annualContract.signed,
      contract('contracted'),
      '2026-05-02T00:00:00.000Z',
      eventId,
    );
    const seen = await eventually(async () => ((await unread(yokohama)).unread === 1 ? true : undefined));
    expect(seen).toBe(true);
    await publish(PARTNERSHIP_EVENTS.monthlyReport.returned, report('returned'), '2026-07-13T00:00:00.000Z');
    await eventually(async () => ((await unread()).unread === 3 ? true : undefined));
    expect((await list()).items.map((i) => i.kind).sort()).toEqual([
      'CONTRACT_SIGNED',
      'MONTHLY_REPORT_OVERDUE',
      'MONTHLY_REPORT_RETURNED',
    ]);
    expect((await list(yokohama)).items.map((i) => i.kind)).toEqual(['CONTRACT_SIGNED']);
  });

  it('marks a notice read for its recipient only; another organisation gets 404', async () => {
    const [first] = (await list()).items;
    await expect(
      sendRpc(client, NOTIFICATION_RPC.notification.markRead, yokohama, { id: first.id }, UnreadCount),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await sendRpc(client, NOTIFICATION_RPC.notification.markRead, company, { id: first.id }, UnreadCount),
    ).toEqual({ unread: 2 });
  });
});
