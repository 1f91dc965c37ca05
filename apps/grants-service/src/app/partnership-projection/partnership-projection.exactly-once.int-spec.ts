import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  defineEvent,
  GRANTS_RPC,
  PARTNERSHIP_EVENTS,
  PARTNERSHIP_RPC,
  PartnershipProjectionList,
  PartnershipView,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, MessagingRuntime, sendRpc } from '@jcm/service-kit';
import {
  bootService,
  createTestDatabase,
  ctxFor,
  deleteTestStream,
  eventually,
  migrateForTest,
  queryAs,
  signedEventHeaders,
  startTestService,
  TEST_NATS_URL,
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { GRANTS_MIGRATIONS } from '../../migrations';
import { GrantsServiceModule } from '../app.module';

/**
 * The outbox → JetStream → durable consumer path, end to end on the real servers: an event of a committed change
 * takes effect exactly once even when the relay dies between publishing and marking the row; an event of a
 * rolled-back change is never published.
 */
describe('partnership events reach grants exactly once', () => {
  let db: TestDatabase;
  let partnershipApp: INestApplication;
  let grantsApp: INestApplication;
  let client: ClientNats;
  let nc: NatsConnection;
  const bus = testEventBus();
  const YOKOHAMA = randomUUID();
  const BANGKOK = randomUUID();
  const yokohama = ctxFor(YOKOHAMA, 'MUNICIPALITY');
  const moe = ctxFor(randomUUID(), 'MOE');

  const relay = () => partnershipApp.get(MessagingRuntime).outboxRelay;
  const streamMessages = async () =>
    (await (await nc.jetstreamManager()).streams.info(bus.stream)).state.messages;
  const projection = () =>
    sendRpc(client, GRANTS_RPC.partnershipProjection.list, moe, {}, PartnershipProjectionList);
  const consumerIdle = async () => {
    const info = await (
      await nc.jetstreamManager()
    ).consumers.info(bus.stream, 'grants-service--partnership');
    return info.num_pending === 0 && info.num_ack_pending === 0 ? true : undefined;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // The producer is booted in-process on purpose (this test proves the cross-service event path end to end), and
    // its relay is driven by hand so the test can crash it at the worst moment.
    partnershipApp = (await bootService('partnership-service', db, bus, { outboxRelay: false })).app;
    const gConfig = testServiceConfig('grants', db.url, bus);
    await migrateForTest(gConfig, GRANTS_MIGRATIONS);
    grantsApp = await startTestService('grants-service', GrantsServiceModule.register(gConfig), bus);
    client = testNatsClient(bus);
    await client.connect();
    nc = await connect({ servers: TEST_NATS_URL });
  });

  afterAll(async () => {
    await client?.close();
    await nc?.close();
    await grantsApp?.close();
    await partnershipApp?.close();
    await deleteTestStream(bus.stream);
    await db?.drop();
  });

  it('applies a committed event once although the relay died after publishing and before marking', async () => {
    const created = await sendRpc(
      client,
      PARTNERSHIP_RPC.partnership.create,
      yokohama,
      {
        municipality: { orgId: YOKOHAMA, nameJa: '横浜市', nameEn: 'City of Yokohama', country: 'JP' },
        partnerCity: { orgId: BANGKOK, nameJa: 'バンコク都', nameEn: 'Bangkok', country: 'TH' },
        titleJa: '横浜市・バンコク都',
        titleEn: 'Yokohama–Bangkok',
        targetFields: ['waste'],
        targetFieldOther: null,
      },
      PartnershipView,
    );

    await expect(
      relay().relayOnce(async () => {
        throw new Error('relay process killed');
      }),
    ).rejects.toThrow('relay process killed');
    const pending = await queryAs(
      db.url,
      {},
      'SELECT event_id FROM partnership.outbox WHERE published_at IS NULL',
    );
    expect(pending).toHaveLength(1);
    expect(await streamMessages()).toBe(1);

    // The restarted relay publishes the same row again: JetStream drops the duplicate by its message id.
    expect(await relay().relayOnce()).toBe(1);
    expect(await streamMessages()).toBe(1);

    const seen = await eventually(async () => {
      const list = await projection();
      return list.items.length > 0 ? list : undefined;
    });
    expect(seen.items).toEqual([
      { partnershipId: created.id, titleJa: '横浜市・バンコク都', titleEn: 'Yokohama–Bangkok' },
    ]);

    // Beyond JetStream's duplicate window a re-publish is a new message: the consumer's processed-event log
    // still makes it a no-op.
    const [{ envelope }] = await queryAs<{ envelope: { eventId: string } }>(
      db.url,
      {},
      'SELECT envelope FROM partnership.outbox',
    );
    const js = nc.jetstream();
    const subject = `${bus.prefix}.partnership.partnership.created`;
    const body = new TextEncoder().encode(JSON.stringify(envelope));
    await js.publish(subject, body, {
      msgID: randomUUID(),
      headers: signedEventHeaders('partnership', subject, envelope.eventId, body),
    });
    expect(await streamMessages()).toBe(2);
    await eventually(consumerIdle);
    const processed = await queryAs(db.url, {}, 'SELECT event_id FROM grants.processed_event');
    expect(processed).toHaveLength(1);
    expect((await projection()).items).toHaveLength(1);
  });

  it('widens the projection’s tenancy when a contractor joins the pair', async () => {
    const COMPANY = randomUUID();
    const [{ id }] = await queryAs<{ id: string }>(db.url, {}, 'SELECT id FROM partnership.partnership');
    await sendRpc(
      client,
      PARTNERSHIP_RPC.partnership.addParticipant,
      yokohama,
      {
        partnershipId: id,
        participant: {
          orgId: COMPANY,
          nameJa: 'デモ社',
          nameEn: 'Demo Co.',
          country: 'JP',
          role: 'CONTRACTOR',
        },
      },
      PartnershipView,
    );
    expect(await relay().relayOnce()).toBe(1);
    const asCompany = ctxFor(COMPANY, 'COMPANY');
    const seen = await eventually(async () => {
      const list = await sendRpc(
        client,
        GRANTS_RPC.partnershipProjection.list,
        asCompany,
        {},
        PartnershipProjectionList,
      );
      return list.items.length > 0 ? list : undefined;
    });
    expect(seen.items.map((p) => p.partnershipId)).toEqual([id]);
  });

  it('never publishes the event of a rolled-back change', async () => {
    const ds = partnershipApp.get<DataSource>(DATA_SOURCE);
    await expect(
      ds.transaction(async (m) => {
        const id = randomUUID();
        // A payload the event's schema accepts, so only the rollback (not the outbox's own check) stops it.
        const created = defineEvent(PARTNERSHIP_EVENTS.partnership.created.type, z.object({ id: z.uuid() }));
        await appendToOutbox(m, 'partnership', created, { id }, yokohama, { aggregateId: id });
        throw new Error('validation failed after the event was written');
      }),
    ).rejects.toThrow('validation failed');
    expect(await relay().relayOnce()).toBe(0);
    expect(await streamMessages()).toBe(3);
    expect(await queryAs(db.url, {}, 'SELECT event_id FROM partnership.outbox')).toHaveLength(2);
  });
});
