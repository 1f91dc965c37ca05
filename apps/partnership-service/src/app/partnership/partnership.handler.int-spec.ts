import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { connect, NatsConnection } from 'nats';
import {
  CreatePartnershipCommand,
  DomainError,
  PARTNERSHIP_RPC,
  PartnershipPage,
  PartnershipTimeline,
  PartnershipView,
  RequestContext,
} from '@jcm/contracts';
import { sendRpc, ServiceConfig } from '@jcm/service-kit';
import {
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
import { PARTNERSHIP_MIGRATIONS } from '../../migrations';
import { PartnershipServiceModule } from '../app.module';

const YOKOHAMA = randomUUID();
const KITAKYUSHU = randomUUID();
const BANGKOK = randomUUID();
const KOROR = randomUUID();
const MOE = randomUUID();

const party = (orgId: string, nameJa: string, nameEn: string, country: string) => ({
  orgId,
  nameJa,
  nameEn,
  country,
});
const yokohamaBangkok: CreatePartnershipCommand = {
  municipality: party(YOKOHAMA, '横浜市', 'City of Yokohama', 'JP'),
  partnerCity: party(BANGKOK, 'バンコク都', 'Bangkok Metropolitan Administration', 'TH'),
  titleJa: '横浜市・バンコク都 都市間連携',
  titleEn: 'Yokohama–Bangkok City-to-City Collaboration',
  targetFields: ['energy-efficiency', 'waste'],
  targetFieldOther: null,
};
const kitakyushuKoror: CreatePartnershipCommand = {
  municipality: party(KITAKYUSHU, '北九州市', 'City of Kitakyushu', 'JP'),
  partnerCity: party(KOROR, 'コロール州', 'Koror State', 'PW'),
  titleJa: '北九州市・コロール州 都市間連携',
  titleEn: 'Kitakyushu–Koror City-to-City Collaboration',
  targetFields: ['renewable-energy'],
  targetFieldOther: null,
};

describe('PartnershipHandler (real PostgreSQL + NATS)', () => {
  let db: TestDatabase;
  let config: ServiceConfig;
  let app: INestApplication;
  let client: ClientNats;
  let nc: NatsConnection;
  const bus = testEventBus();
  const yokohama = ctxFor(YOKOHAMA, 'MUNICIPALITY');
  const kitakyushu = ctxFor(KITAKYUSHU, 'MUNICIPALITY');
  const moe = ctxFor(MOE, 'MOE');
  let ybId: string;

  const call = <T>(
    subject: string,
    ctx: RequestContext,
    data: unknown,
    schema: { parse: (x: unknown) => T },
  ) => sendRpc(client, subject, ctx, data, schema as never) as Promise<T>;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testServiceConfig('partnership', db.url, bus);
    await migrateForTest(config, PARTNERSHIP_MIGRATIONS);
    app = await startTestService('partnership-service', PartnershipServiceModule.register(config), bus);
    client = testNatsClient(bus);
    await client.connect();
    nc = await connect({ servers: TEST_NATS_URL });
    ybId = (await call(PARTNERSHIP_RPC.partnership.create, yokohama, yokohamaBangkok, PartnershipView)).id;
    await call(PARTNERSHIP_RPC.partnership.create, kitakyushu, kitakyushuKoror, PartnershipView);
  });

  afterAll(async () => {
    await client?.close();
    await nc?.close();
    await app?.close();
    await deleteTestStream(bus.stream);
    await db?.drop();
  });

  it('lists only the caller’s own partnerships, and all of them for MOE', async () => {
    const forYokohama = await call(PARTNERSHIP_RPC.partnership.list, yokohama, {}, PartnershipPage);
    expect(forYokohama.items.map((p) => p.municipality.nameEn)).toEqual(['City of Yokohama']);
    expect(forYokohama.total).toBe(1);
    const forMoe = await call(PARTNERSHIP_RPC.partnership.list, moe, { sort: 'titleEn' }, PartnershipPage);
    expect(forMoe.items.map((p) => p.titleEn)).toEqual([
      'Kitakyushu–Koror City-to-City Collaboration',
      'Yokohama–Bangkok City-to-City Collaboration',
    ]);
  });

  it('searches titles and city names in both languages, within the caller’s tenancy', async () => {
    const byCity = await call(PARTNERSHIP_RPC.partnership.list, moe, { q: 'コロール' }, PartnershipPage);
    expect(byCity.items.map((p) => p.partnerCity.nameEn)).toEqual(['Koror State']);
    const byEnglishCity = await call(
      PARTNERSHIP_RPC.partnership.list,
      moe,
      { q: 'bangkok' },
      PartnershipPage,
    );
    expect(byEnglishCity.total).toBe(1);
    const outsideTenancy = await call(
      PARTNERSHIP_RPC.partnership.list,
      yokohama,
      { q: 'Koror' },
      PartnershipPage,
    );
    expect(outsideTenancy.total).toBe(0);
    const literalPercent = await call(PARTNERSHIP_RPC.partnership.list, moe, { q: '%' }, PartnershipPage);
    expect(literalPercent.total).toBe(0);
  });

  it('lets the municipality add its contractor, who then sees the pair; others may not, and a repeat changes nothing', async () => {
    const COMPANY = randomUUID();
    const contractor = {
      orgId: COMPANY,
      nameJa: 'デモ社',
      nameEn: 'Demo Co.',
      country: 'JP',
      role: 'CONTRACTOR' as const,
    };
    const company = ctxFor(COMPANY, 'COMPANY');
    expect((await call(PARTNERSHIP_RPC.partnership.list, company, {}, PartnershipPage)).total).toBe(0);
    await expect(
      call(
        PARTNERSHIP_RPC.partnership.addParticipant,
        kitakyushu,
        { partnershipId: ybId, participant: contractor },
        PartnershipView,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      call(
        PARTNERSHIP_RPC.partnership.addParticipant,
        ctxFor(YOKOHAMA, 'MUNICIPALITY', 'viewer'),
        { partnershipId: ybId, participant: contractor },
        PartnershipView,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const added = await call(
      PARTNERSHIP_RPC.partnership.addParticipant,
      yokohama,
      { partnershipId: ybId, participant: contractor },
      PartnershipView,
    );
    expect(added.otherParticipants).toEqual([contractor]);
    const again = await call(
      PARTNERSHIP_RPC.partnership.addParticipant,
      yokohama,
      { partnershipId: ybId, participant: contractor },
      PartnershipView,
    );
    expect(again.otherParticipants).toHaveLength(1);
    const seen = await call(PARTNERSHIP_RPC.partnership.list, company, {}, PartnershipPage);
    expect(seen.items.map((p) => p.id)).toEqual([ybId]);
    await expect(
      call(
        PARTNERSHIP_RPC.partnership.addParticipant,
        company,
        { partnershipId: ybId, participant: contractor },
        PartnershipView,
      ),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const events = await queryAs<{ n: string }>(
      db.url,
      {},
      `SELECT count(*) AS n FROM partnership.outbox WHERE event_type = 'partnership.partnership.participant-added'
         AND envelope->'data'->'participantOrgIds' ? $1`,
      [COMPANY],
    );
    expect(events[0].n).toBe('1');
  });

  it('records the agreement and past years, and shows the pair’s standing on the 7-year rule', async () => {
    const fresh = await call(
      PARTNERSHIP_RPC.partnership.getTimeline,
      yokohama,
      { id: ybId },
      PartnershipTimeline,
    );
    expect(fresh).toMatchObject({ agreement: { status: 'PLANNED', type: null, date: null }, years: [] });
    expect(fresh.sevenYearRule).toMatchObject({ countedYearsIfContinued: 1, continuationAllowed: true });

    const update = {
      partnershipId: ybId,
      agreement: { status: 'CONCLUDED', type: '覚書 (MoU)', date: '2019-05-20' },
      declaredHistoryFiscalYears: [2021, 2022, 2023, 2024],
    };
    await expect(
      call(PARTNERSHIP_RPC.partnership.updateAgreement, kitakyushu, update, PartnershipTimeline),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      call(
        PARTNERSHIP_RPC.partnership.updateAgreement,
        ctxFor(BANGKOK, 'PARTNER_CITY'),
        update,
        PartnershipTimeline,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      call(
        PARTNERSHIP_RPC.partnership.updateAgreement,
        yokohama,
        { ...update, agreement: { status: 'CONCLUDED', type: null, date: null } },
        PartnershipTimeline,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'agreement.type' }] });

    // FY2021–2024 done: FY2025 would be the 5th year, allowed.
    const four = await call(
      PARTNERSHIP_RPC.partnership.updateAgreement,
      yokohama,
      update,
      PartnershipTimeline,
    );
    expect(four.agreement).toEqual(update.agreement);
    expect(four.years.map((y) => [y.fiscalYear, y.source])).toEqual([
      [2021, 'DECLARED'],
      [2022, 'DECLARED'],
      [2023, 'DECLARED'],
      [2024, 'DECLARED'],
    ]);
    expect(four.sevenYearRule).toMatchObject({
      nextFiscalYear: 2025,
      countedYearsIfContinued: 5,
      maxYears: 6,
      continuationAllowed: true,
    });

    // Six years done (FY2020–2025): a 7th is refused, citing the guidebook (city-partnerships.md §7.2).
    const six = await call(
      PARTNERSHIP_RPC.partnership.updateAgreement,
      moe,
      { ...update, declaredHistoryFiscalYears: [2020, 2021, 2022, 2023, 2024, 2025] },
      PartnershipTimeline,
    );
    expect(six.sevenYearRule).toMatchObject({
      nextFiscalYear: 2026,
      countedYearsIfContinued: 7,
      continuationAllowed: false,
    });
    expect(six.sevenYearRule.findings.map((f) => f.ruleId)).toContain('C3P-D1');
    const asBangkok = await call(
      PARTNERSHIP_RPC.partnership.getTimeline,
      ctxFor(BANGKOK, 'PARTNER_CITY', 'viewer'),
      { id: ybId },
      PartnershipTimeline,
    );
    expect(asBangkok.sevenYearRule.continuationAllowed).toBe(false);
  });

  it('reports another tenant’s partnership as not found', async () => {
    await expect(
      call(PARTNERSHIP_RPC.partnership.get, kitakyushu, { id: ybId }, PartnershipView),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const bangkok = ctxFor(BANGKOK, 'PARTNER_CITY', 'viewer');
    await expect(
      call(PARTNERSHIP_RPC.partnership.get, bangkok, { id: ybId }, PartnershipView),
    ).resolves.toMatchObject({ id: ybId });
  });

  it('hides Yokohama rows at the database for a raw SELECT as Kitakyushu (RLS)', async () => {
    const asKitakyushu = await queryAs(
      db.url,
      { role: config.dbRole, orgId: KITAKYUSHU, orgType: 'MUNICIPALITY' },
      'SELECT title_en FROM partnership.partnership',
    );
    expect(asKitakyushu).toEqual([{ title_en: 'Kitakyushu–Koror City-to-City Collaboration' }]);
    const noContext = await queryAs(db.url, { role: config.dbRole }, 'SELECT * FROM partnership.partnership');
    expect(noContext).toHaveLength(0);
  });

  it('refuses an insert for another tenant at the database (RLS WITH CHECK)', async () => {
    await expect(
      queryAs(
        db.url,
        { role: config.dbRole, orgId: KITAKYUSHU, orgType: 'MUNICIPALITY' },
        `INSERT INTO partnership.partnership (municipality, partner_city, title_ja, title_en, target_fields, participant_org_ids, created_by)
         VALUES ('{}', '{}', 'x', 'x', '{waste}', $1, $2)`,
        [[YOKOHAMA, BANGKOK], randomUUID()],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('rejects invalid data with field paths and writes neither a row nor an event', async () => {
    const before = await queryAs<{ n: string }>(db.url, {}, 'SELECT count(*) AS n FROM partnership.outbox');
    const bad = { ...yokohamaBangkok, titleJa: '', targetFields: ['space-mining'] };
    const err = await call(PARTNERSHIP_RPC.partnership.create, yokohama, bad, PartnershipView).catch(
      (e: DomainError) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION_FAILED');
    expect((err as DomainError).issues?.map((i) => i.path).sort()).toEqual(['targetFields.0', 'titleJa']);
    const rows = await queryAs<{ n: string }>(
      db.url,
      {},
      'SELECT count(*) AS n FROM partnership.partnership',
    );
    const after = await queryAs<{ n: string }>(db.url, {}, 'SELECT count(*) AS n FROM partnership.outbox');
    expect(rows[0].n).toBe('2');
    expect(after[0].n).toBe(before[0].n);
  });

  it('forbids a municipality from registering a pair for another municipality, and viewers from registering', async () => {
    await expect(
      call(PARTNERSHIP_RPC.partnership.create, kitakyushu, yokohamaBangkok, PartnershipView),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const viewer = ctxFor(YOKOHAMA, 'MUNICIPALITY', 'viewer');
    await expect(
      call(PARTNERSHIP_RPC.partnership.create, viewer, yokohamaBangkok, PartnershipView),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('publishes the created event to JetStream through the outbox and marks the row sent', async () => {
    const unpublished = await eventually(async () => {
      const rows = await queryAs<{ n: string }>(
        db.url,
        {},
        'SELECT count(*) AS n FROM partnership.outbox WHERE published_at IS NULL',
      );
      return rows[0].n === '0' ? rows : undefined;
    });
    expect(unpublished[0].n).toBe('0');
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(bus.stream);
    // Every committed outbox row is in the stream exactly once (pairs, the contractor, agreement updates).
    const [{ n }] = await queryAs<{ n: string }>(db.url, {}, 'SELECT count(*) AS n FROM partnership.outbox');
    expect(info.state.messages).toBe(Number(n));
    expect(Number(n)).toBeGreaterThanOrEqual(2);
    const msg = await jsm.streams.getMessage(bus.stream, { seq: 1 });
    const envelope = JSON.parse(new TextDecoder().decode(msg.data));
    expect(msg.subject).toBe(`${bus.prefix}.partnership.partnership.created`);
    expect(envelope).toMatchObject({ type: 'partnership.partnership.created', data: { id: ybId } });
  });
});
