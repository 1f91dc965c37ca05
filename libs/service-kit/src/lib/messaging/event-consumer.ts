import { Logger } from '@nestjs/common';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg, nanos } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import { ZodError } from 'zod';
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

/**
 * A durable pull consumer that applies each event exactly once: the event id is recorded in `processed_event` in
 * the same transaction as the handler's writes, and the message is acked only after that commit. A redelivery
 * (crash before ack, duplicate publish) finds the id and is acked without effect.
 */
export class DurableEventConsumer {
  private readonly logger = new Logger(DurableEventConsumer.name);
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly opts: EventConsumerOptions) {}

  async start(): Promise<void> {
    const { jsm, js, stream, durable, filterSubject } = this.opts;
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
    const consumer = await js.consumers.get(stream, durable);
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = this.drain(this.messages);
  }

  private async drain(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      try {
        await this.process(msg);
        msg.ack();
      } catch (err) {
        if (err instanceof EventRefused && err.retry) {
          // This process lacks the producer's key: a configuration fix, so keep the event for later.
          this.logger.error(`event ${msg.subject} #${msg.seq} not verifiable, retrying: ${err.message}`);
          msg.nak(5000);
        } else if (err instanceof EventRefused) {
          // Not signed by the producer this subscription trusts: never applied, never retried (logged as a security event).
          this.logger.error(`event ${msg.subject} #${msg.seq} refused, terminated: ${err.message}`);
          msg.term();
        } else if (err instanceof SyntaxError || err instanceof ZodError) {
          // A message that can never parse would be redelivered forever: drop it loudly.
          this.logger.error(`event ${msg.subject} #${msg.seq} is malformed, terminated: ${(err as Error).message}`);
          msg.term();
        } else {
          this.logger.error(`event ${msg.subject} #${msg.seq} failed, retrying: ${(err as Error).message}`);
          msg.nak(1000);
        }
      }
    }
  }

  /** Applies one message; returns whether it had an effect (false for a duplicate or an unhandled type). */
  async process(msg: Pick<JsMsg, 'data' | 'subject' | 'headers'>): Promise<boolean> {
    const envelope = EventEnvelope.parse(JSON.parse(new TextDecoder().decode(msg.data)));
    this.opts.verifier.check(this.opts.source, msg, envelope.eventId);
    const handler = this.opts.handlers[envelope.type];
    const { dataSource, schema, durable } = this.opts;
    return inTenantTransaction(dataSource, 'system', async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO ${schema}.processed_event (consumer, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [durable, envelope.eventId, envelope.type],
      );
      if (inserted.length === 0) return false;
      if (handler) await handler(envelope, manager);
      return !!handler;
    });
  }

  async stop(): Promise<void> {
    this.messages?.stop();
    await this.loop;
  }
}
