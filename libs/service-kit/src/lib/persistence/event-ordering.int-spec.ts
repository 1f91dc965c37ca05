import { randomBytes, randomUUID } from 'crypto';
import { JetStreamClient, JetStreamManager } from 'nats';
import { Client } from 'pg';
import { z } from 'zod';
import { defineEvent } from '@jcm/contracts';
import { DataSource } from 'typeorm';
import { DurableEventConsumer, EventOutOfOrder } from '../messaging/event-consumer';
import { appendToOutbox, OrderedEventEnvelope } from './outbox';
import { eventOrderingUpSql, messagingPlumbingUpSql } from './plumbing-sql';
import { EventSigner, EventVerifier } from '../security/event-signature';
import { generateSigningKeyPair, importPrivateKey, importPublicKey } from '../security/signing-keys';

/** The producer's key pair: the consumer applies only events its producer signed. */
const producerKeys = generateSigningKeyPair();

const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHEMA = 'kit';
const CREATED = defineEvent('kit.thing.created', z.object({}));
const CHANGED = defineEvent('kit.thing.changed', z.object({}));

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Per-aggregate sequence numbers (producer) and in-order application (consumer) on the real PostgreSQL (issue #14
 * #2, DESIGN §4 "Ordering"). The consumer's JetStream side is not involved in `process`, so none is started here.
 */
describe('event ordering per aggregate (real PostgreSQL)', () => {
  const dbName = `jcm_t_kit_${randomBytes(4).toString('hex')}`;
  let ds: DataSource;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${dbName}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    ds = await new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 4 } }).initialize();
    await ds.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const sql of [...messagingPlumbingUpSql(SCHEMA), ...eventOrderingUpSql(SCHEMA)]) await ds.query(sql);
  });

  afterAll(async () => {
    await ds?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it('numbers an aggregate’s events in commit order when writers hold no lock of their own, without gaps', async () => {
    const aggregate = randomUUID();
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((r) => (releaseFirst = r));
    const first = ds.transaction(async (m) => {
      const e = await appendToOutbox(m, SCHEMA, CREATED, {}, null, { aggregateId: aggregate });
      await firstHolds;
      return e.aggregate?.seq;
    });
    await new Promise((r) => setTimeout(r, 100));
    // The second writer waits on the counter's row lock until the first commits, then gets the next number.
    const second = ds.transaction(
      async (m) =>
        (await appendToOutbox(m, SCHEMA, CHANGED, {}, null, { aggregateId: aggregate })).aggregate?.seq,
    );
    await new Promise((r) => setTimeout(r, 100));
    releaseFirst();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    await expect(
      ds.transaction(async (m) => {
        await appendToOutbox(m, SCHEMA, CHANGED, {}, null, { aggregateId: aggregate });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const third = await ds.transaction(async (m) =>
      appendToOutbox(m, SCHEMA, CHANGED, {}, null, { aggregateId: aggregate }),
    );
    expect(third.aggregate).toEqual({ id: aggregate, seq: 3 });
    // Another aggregate has its own numbering.
    const other = await ds.transaction(async (m) =>
      appendToOutbox(m, SCHEMA, CHANGED, {}, null, { aggregateId: randomUUID() }),
    );
    expect(other.aggregate?.seq).toBe(1);
  });

  it('defers an event whose predecessor is not applied, then applies both in order, each once', async () => {
    const applied: string[] = [];
    const consumer = new DurableEventConsumer({
      dataSource: ds,
      schema: SCHEMA,
      js: {} as JetStreamClient,
      jsm: {} as JetStreamManager,
      stream: 'unused',
      durable: 'kit-test',
      filterSubject: 'unused.>',
      source: 'kit',
      verifier: new EventVerifier(new Map([['kit', importPublicKey(producerKeys.publicKey)]])),
      handlers: {
        'kit.thing.created': async (e) => void applied.push(`created:${e.eventId}`),
        'kit.thing.changed': async (e) => void applied.push(`changed:${e.eventId}`),
      },
    });
    const aggregate = randomUUID();
    const envelope = (type: string, seq: number): OrderedEventEnvelope => ({
      eventId: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      actor: { userId: null, orgId: null, orgType: null },
      correlationId: null,
      data: {},
      aggregate: { id: aggregate, seq },
    });
    const signer = new EventSigner('kit', importPrivateKey(producerKeys.privateKey));
    const msg = (e: OrderedEventEnvelope) => {
      const subject = `evt.${e.type}`;
      const data = new TextEncoder().encode(JSON.stringify(e));
      return { subject, data, headers: signer.headers(subject, e.eventId, data) };
    };
    const created = envelope('kit.thing.created', 1);
    const changed = envelope('kit.thing.changed', 2);

    await expect(consumer.process(msg(changed))).rejects.toBeInstanceOf(EventOutOfOrder);
    expect(applied).toEqual([]);
    // The deferral changed nothing: not even the processed-event record, so the redelivery is not a "duplicate".
    expect(
      await ds.query(`SELECT 1 FROM ${SCHEMA}.processed_event WHERE event_id = $1`, [changed.eventId]),
    ).toHaveLength(0);

    expect(await consumer.process(msg(created))).toBe(true);
    expect(await consumer.process(msg(changed))).toBe(true);
    expect(await consumer.process(msg(changed))).toBe(false);
    expect(applied).toEqual([`created:${created.eventId}`, `changed:${changed.eventId}`]);
    const [pos] = await ds.query(`SELECT last_seq FROM ${SCHEMA}.consumer_position WHERE aggregate_id = $1`, [
      aggregate,
    ]);
    expect(Number(pos.last_seq)).toBe(2);
  });
});
