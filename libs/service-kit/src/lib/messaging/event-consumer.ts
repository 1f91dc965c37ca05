import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  ConsumerMessages,
  DeliverPolicy,
  JetStreamClient,
  JetStreamManager,
  JsMsg,
  nanos,
} from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { z, ZodError } from 'zod';
import { EventEnvelope } from '@jcm/contracts';
import { inTenantTransaction } from '../persistence/tenant-transaction';
import { EventRefused, EventVerifier } from '../security/event-signature';

export type EventHandler = (event: EventEnvelope, manager: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  dataSource: DataSource;
  schema: string;
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  /** Durable name: `<service>--<source>`, one per (service, subscription), shared by replicas. */
  durable: string;
  /** Full subject filter including the prefix, e.g. `evt.partnership.>` (one filter: nats-server 2.9). */
  filterSubject: string;
  handlers: Record<string, EventHandler>;
  /** The producing service (`partnership`) whose signature every event must carry, and who checks it. */
  source: string;
  verifier: EventVerifier;
}

/** The envelope's place in its aggregate's history, written by `appendToOutbox` (absent on unordered events). */
const AggregatePosition = z.object({ id: z.string().min(1), seq: z.number().int().positive() });
type AggregatePosition = z.infer<typeof AggregatePosition>;

/** An event that arrived before its predecessor was applied (another replica has it, or it is being redelivered). */
export class EventOutOfOrder extends Error {
  constructor(
    readonly aggregate: AggregatePosition,
    readonly applied: number,
  ) {
    super(`aggregate ${aggregate.id}: event #${aggregate.seq} waits for #${applied + 1}`);
  }
}

/** Nak delays for an early event: short first (the predecessor is usually a few ms behind), capped. */
const OUT_OF_ORDER_DELAY_MS = 100;
const OUT_OF_ORDER_DELAY_CAP_MS = 2000;
/** Pause before re-opening a consume() that ended by itself (consumer recreated, JetStream restarted). */
const RESUBSCRIBE_DELAY_MS = 1000;

/**
 * A durable pull consumer that applies each event exactly once: the event id is recorded in `processed_event` in
 * the same transaction as the handler's writes, and the message is acked only after that commit. A redelivery
 * (crash before ack, duplicate publish) finds the id and is acked without effect.
 *
 * Events that carry `aggregate: { id, seq }` are also applied in order per aggregate, across any number of
 * replicas (DESIGN §4): `consumer_position` holds the last applied seq, row-locked in the same transaction; an
 * event whose predecessor is not applied yet is rolled back and nak'ed with a delay (issue #14 #2).
 */
export class DurableEventConsumer {
  private readonly logger = new Logger(DurableEventConsumer.name);
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly opts: EventConsumerOptions) {}

  async start(): Promise<void> {
    const { jsm, stream, durable, filterSubject } = this.opts;
    try {
      await jsm.consumers.info(stream, durable);
    } catch {
      await jsm.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: filterSubject,
        ack_wait: nanos(30_000),
        max_deliver: -1,
      });
    }
    this.messages = await this.open();
    this.loop = this.run(this.messages);
  }

  private async open(): Promise<ConsumerMessages> {
    const consumer = await this.opts.js.consumers.get(this.opts.stream, this.opts.durable);
    return consumer.consume({ max_messages: 64 });
  }

  /** Drains the subscription; if it ends without `stop()` (server-side reset), opens it again, for good. */
  private async run(first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | null = first;
    while (!this.stopping) {
      if (messages) {
        await this.drain(messages).catch((err: Error) => this.logger.warn(`consume ended: ${err.message}`));
        messages = null;
      }
      if (this.stopping) break;
      await new Promise((r) => setTimeout(r, RESUBSCRIBE_DELAY_MS));
      messages = await this.open().catch((err: Error) => {
        this.logger.warn(`re-opening ${this.opts.durable} failed, retrying: ${err.message}`);
        return null;
      });
      this.messages = messages;
    }
  }

  private async drain(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      if (this.stopping) {
        // Buffered but not started: hand it back now rather than after ack_wait.
        msg.nak();
        continue;
      }
      try {
        await this.process(msg);
        msg.ack();
      } catch (err) {
        if (err instanceof EventOutOfOrder) {
          const attempt = msg.info?.redeliveryCount ?? 1;
          msg.nak(Math.min(OUT_OF_ORDER_DELAY_CAP_MS, OUT_OF_ORDER_DELAY_MS * 2 ** Math.min(attempt - 1, 5)));
        } else if (err instanceof EventRefused && err.retry) {
          // This process lacks the producer's key: a configuration fix, so keep the event for later.
          this.logger.error(`event ${msg.subject} #${msg.seq} not verifiable, retrying: ${err.message}`);
          msg.nak(5000);
        } else if (err instanceof EventRefused) {
          // Not signed by the producer this subscription trusts: never applied, never retried (logged as a security event).
          this.logger.error(`event ${msg.subject} #${msg.seq} refused, terminated: ${err.message}`);
          msg.term();
        } else if (err instanceof SyntaxError || err instanceof ZodError) {
          // A message that can never parse would be redelivered forever: drop it loudly.
          this.logger.error(
            `event ${msg.subject} #${msg.seq} is malformed, terminated: ${(err as Error).message}`,
          );
          msg.term();
        } else {
          this.logger.error(`event ${msg.subject} #${msg.seq} failed, retrying: ${(err as Error).message}`);
          msg.nak(1000);
        }
      }
    }
  }

  /**
   * Applies one message; returns whether it had an effect (false for a duplicate or an unhandled type). Throws
   * EventOutOfOrder, changing nothing, when the aggregate's previous event has not been applied yet.
   */
  async process(msg: Pick<JsMsg, 'data' | 'subject' | 'headers'>): Promise<boolean> {
    const raw: unknown = JSON.parse(new TextDecoder().decode(msg.data));
    const envelope = EventEnvelope.parse(raw);
    this.opts.verifier.check(this.opts.source, msg, envelope.eventId);
    const position = (raw as { aggregate?: unknown }).aggregate;
    const aggregate = position === undefined ? undefined : AggregatePosition.parse(position);
    const handler = this.opts.handlers[envelope.type];
    const { dataSource, schema, durable } = this.opts;
    return inTenantTransaction(dataSource, 'system', async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO ${schema}.processed_event (consumer, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [durable, envelope.eventId, envelope.type],
      );
      if (inserted.length === 0) return false;
      if (aggregate && !(await this.takeTurn(manager, aggregate))) return false;
      if (handler) await handler(envelope, manager);
      return !!handler;
    });
  }

  /**
   * Advances the aggregate's position if `aggregate.seq` is next; the upsert locks the row until commit, so a
   * replica holding #n+1 waits for the one applying #n and then sees it applied. Events the handlers do not know
   * advance the position too, so an unhandled type never blocks its successors.
   */
  private async takeTurn(manager: EntityManager, aggregate: AggregatePosition): Promise<boolean> {
    const { schema, durable } = this.opts;
    const [row]: { last_seq: string }[] = await manager.query(
      `INSERT INTO ${schema}.consumer_position (consumer, aggregate_id, last_seq) VALUES ($1, $2, 0)
       ON CONFLICT (consumer, aggregate_id) DO UPDATE SET last_seq = ${schema}.consumer_position.last_seq
       RETURNING last_seq`,
      [durable, aggregate.id],
    );
    const applied = Number(row.last_seq);
    if (aggregate.seq <= applied) return false;
    if (aggregate.seq > applied + 1) throw new EventOutOfOrder(aggregate, applied);
    await manager.query(
      `UPDATE ${schema}.consumer_position SET last_seq = $3 WHERE consumer = $1 AND aggregate_id = $2`,
      [durable, aggregate.id, aggregate.seq],
    );
    return true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    await this.loop;
  }
}
