import { randomBytes } from 'crypto';
import { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, JetStreamClient, JetStreamManager, nanos } from 'nats';
import { DataSource } from 'typeorm';
import { DurableEventConsumer, EventVerifier, inTenantTransaction } from '@jcm/service-kit';
import { PORTFOLIO_PROJECTION_TABLES } from '../../migrations/1767225600001-CreatePortfolioProjections';
import { handlersFor, PROJECTED_SOURCES } from './projection-handlers';

export interface ReplayOptions {
  dataSource: DataSource;
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  /** Events subject prefix (`evt`, or a test's own). */
  prefix: string;
  /** The service name the live durables are named after (`portfolio-service`). */
  service: string;
  /** Producers' public keys: a replayed event must carry its producer's signature like a live one. */
  verifier: EventVerifier;
}

/**
 * Rebuilds every projection from the whole stream: empties the projection tables and this service's
 * processed-event log, then applies each source's events from sequence 1 through the same handler table the live
 * consumers use, up to the stream's last message at the start. Run it with the service stopped; the live durables
 * keep their place, and whatever they redeliver is already in processed_event, so a restart applies only new events.
 */
export async function replayProjections(opts: ReplayOptions): Promise<Record<string, number>> {
  const logger = new Logger('portfolio-replay');
  const { dataSource, js, jsm, stream, prefix, service, verifier } = opts;
  await inTenantTransaction(dataSource, 'system', async (m) => {
    // DELETE, not TRUNCATE: the service role has DML only (it owns nothing, DESIGN §5).
    for (const t of PORTFOLIO_PROJECTION_TABLES) await m.query(`DELETE FROM portfolio.${t}`);
    await m.query(`DELETE FROM portfolio.processed_event WHERE consumer LIKE $1`, [`${service}--%`]);
  });
  const applied: Record<string, number> = {};
  for (const source of PROJECTED_SOURCES) {
    const durable = `${service}--${source}`;
    const filterSubject = `${prefix}.${source}.>`;
    const consumer = new DurableEventConsumer({
      dataSource,
      schema: 'portfolio',
      js,
      jsm,
      stream,
      durable,
      filterSubject,
      handlers: handlersFor(source),
      source,
      verifier,
    });
    const lastSeq = (await jsm.streams.info(stream)).state.last_seq;
    applied[source] = 0;
    // A throw-away pull consumer without acks reads the source's events in stream order (nats-server 2.9 has no
    // ordered consumer with a filter). It is named, so the service's NATS permissions cover it, and lapses by
    // itself a minute after the replay stops reading (services may not delete consumers).
    const reader = await jsm.consumers.add(stream, {
      durable_name: `${durable}--replay-${randomBytes(4).toString('hex')}`,
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filterSubject,
      inactive_threshold: nanos(60_000),
    });
    const ordered = await js.consumers.get(stream, reader.name);
    // Stop at the last message that existed when replay began.
    while (true) {
      const batch = await ordered.fetch({ max_messages: 256, expires: 1000 });
      let seen = 0;
      let done = false;
      for await (const msg of batch) {
        seen++;
        if (await consumer.process(msg)) applied[source]++;
        if (msg.seq >= lastSeq || msg.info.pending === 0) done = true;
      }
      if (done || seen === 0) break;
    }
    logger.log(`${source}: ${applied[source]} events applied`);
  }
  return applied;
}
