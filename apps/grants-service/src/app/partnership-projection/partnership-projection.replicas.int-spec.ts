import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { connect, NatsConnection } from 'nats';
import { PARTNERSHIP_RPC, PartnershipView } from '@jcm/contracts';
import { sendRpc } from '@jcm/service-kit';
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
// The producer is booted in-process on purpose: this test proves the cross-service event path end to end.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PARTNERSHIP_MIGRATIONS } from '../../../../partnership-service/src/migrations';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PartnershipServiceModule } from '../../../../partnership-service/src/app/app.module';
import { GRANTS_MIGRATIONS } from '../../migrations';
import { GrantsServiceModule } from '../app.module';

const PAIRS = 12;

/**
 * Issue #14 #2: with two grants replicas sharing the durable consumer, "participant added" could be applied before
 * "partnership created"; the update matched no row and the later insert kept only the two cities, for good. Here
 * every pair's events are published newest first, the worst order a replica can see, to two replicas at once.
 */
describe('partnership projection with two grants replicas', () => {
  let db: TestDatabase;
  let partnershipApp: INestApplication;
  const grantsApps: INestApplication[] = [];
  let client: ClientNats;
  let nc: NatsConnection;
  const bus = testEventBus();
  const YOKOHAMA = randomUUID();
  const BANGKOK = randomUUID();
  const CONTRACTOR = randomUUID();
  const yokohama = ctxFor(YOKOHAMA, 'MUNICIPALITY');

  beforeAll(async () => {
    db = await createTestDatabase();
    const pConfig = testServiceConfig('partnership', db.url, bus, { outboxRelay: false });
    const gConfig = testServiceConfig('grants', db.url, bus);
    await migrateForTest(pConfig, PARTNERSHIP_MIGRATIONS);
    await migrateForTest(gConfig, GRANTS_MIGRATIONS);
    partnershipApp = await startTestService(
      'partnership-service',
      PartnershipServiceModule.register(pConfig),
      bus,
    );
    for (let i = 0; i < 2; i++) {
      grantsApps.push(await startTestService('grants-service', GrantsServiceModule.register(gConfig), bus));
    }
    client = testNatsClient(bus);
    await client.connect();
    nc = await connect({ servers: TEST_NATS_URL });
  });

  afterAll(async () => {
    await client?.close();
    await nc?.close();
    for (const app of grantsApps) await app.close();
    await partnershipApp?.close();
    await deleteTestStream(bus.stream);
    await db?.drop();
  });

  it('numbers each pair’s events 1, 2 in the outbox and its envelope', async () => {
    for (let i = 0; i < PAIRS; i++) {
      const created = await sendRpc(
        client,
        PARTNERSHIP_RPC.partnership.create,
        yokohama,
        {
          municipality: { orgId: YOKOHAMA, nameJa: '横浜市', nameEn: 'City of Yokohama', country: 'JP' },
          partnerCity: { orgId: BANGKOK, nameJa: 'バンコク都', nameEn: 'Bangkok', country: 'TH' },
          titleJa: `横浜市・バンコク都 ${i}`,
          titleEn: `Yokohama–Bangkok ${i}`,
          targetFields: ['waste'],
          targetFieldOther: null,
        },
        PartnershipView,
      );
      await sendRpc(
        client,
        PARTNERSHIP_RPC.partnership.addParticipant,
        yokohama,
        {
          partnershipId: created.id,
          participant: {
            orgId: CONTRACTOR,
            nameJa: '請負者',
            nameEn: 'Contractor',
            country: 'JP',
            role: 'CONTRACTOR',
          },
        },
        PartnershipView,
      );
    }
    const rows = await queryAs<{
      aggregate_id: string;
      aggregate_seq: string;
      type: string;
      env_seq: number;
    }>(
      db.url,
      {},
      `SELECT aggregate_id, aggregate_seq, event_type AS type, (envelope->'aggregate'->>'seq')::int AS env_seq
         FROM partnership.outbox ORDER BY seq`,
    );
    expect(rows).toHaveLength(PAIRS * 2);
    for (const r of rows) {
      expect(Number(r.aggregate_seq)).toBe(r.type.endsWith('created') ? 1 : 2);
      expect(r.env_seq).toBe(Number(r.aggregate_seq));
    }
  });

  it('keeps every participant although each pair’s "added" is published before its "created"', async () => {
    const rows = await queryAs<{ seq: string; event_id: string; event_type: string; envelope: object }>(
      db.url,
      {},
      'SELECT seq, event_id, event_type, envelope FROM partnership.outbox ORDER BY seq DESC',
    );
    const js = nc.jetstream();
    for (const r of rows) {
      await js.publish(
        `${bus.prefix}.${r.event_type}`,
        new TextEncoder().encode(JSON.stringify(r.envelope)),
        {
          msgID: r.event_id,
        },
      );
    }
    // Every event applied (an early one is deferred, not dropped), exactly once however often it was deferred.
    await eventually(async () => {
      const processed = await queryAs(db.url, {}, 'SELECT event_id FROM grants.processed_event');
      return processed.length === PAIRS * 2 ? true : undefined;
    }, 30_000);
    const projection = await queryAs<{ participant_org_ids: string[] }>(
      db.url,
      {},
      'SELECT participant_org_ids FROM grants.partnership_projection',
    );
    expect(projection).toHaveLength(PAIRS);
    for (const p of projection)
      expect([...p.participant_org_ids].sort()).toEqual([YOKOHAMA, BANGKOK, CONTRACTOR].sort());
    const positions = await queryAs<{ last_seq: string }>(
      db.url,
      {},
      'SELECT last_seq FROM grants.consumer_position',
    );
    expect(positions.map((p) => Number(p.last_seq))).toEqual(Array(PAIRS).fill(2));
  });
});
