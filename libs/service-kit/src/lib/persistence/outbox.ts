import { randomUUID } from 'crypto';
import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { z } from 'zod';
import { DomainError, EventDefinition, EventEnvelope, RequestContext } from '@jcm/contracts';

const logger = new Logger('Outbox');

export interface OutboxOptions {
  /** The id of the aggregate the event belongs to (consumers order an aggregate's events by it). */
  aggregateId: string;
  occurredAt?: Date;
}

/** Which aggregate an event belongs to and its place in that aggregate's history (1, 2, …). */
export interface AggregateRef {
  id: string;
  seq: number;
}

/** An envelope as the outbox writes it: `aggregate` is set when the caller names the aggregate. */
export type OrderedEventEnvelope = EventEnvelope & { aggregate?: AggregateRef };

/**
 * Writes a domain event into the service's outbox inside the caller's transaction: the event is published if and
 * only if the change commits (DESIGN §4). The payload must match the event's schema: a producer that drifted from
 * its contract fails its own transaction (INTERNAL, logged) instead of publishing what consumers cannot parse.
 * The event gets its aggregate's next sequence number, so consumers apply an aggregate's events in order.
 */
export async function appendToOutbox<S extends z.ZodTypeAny>(
  manager: EntityManager,
  schema: string,
  event: EventDefinition<S>,
  data: z.input<S>,
  ctx: RequestContext | null,
  opts: OutboxOptions,
): Promise<OrderedEventEnvelope> {
  const checked = event.schema.safeParse(data);
  if (!checked.success) {
    const paths = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    logger.error(
      `Refused ${event.type} for ${opts.aggregateId}: the payload does not match its schema (${paths})`,
    );
    throw new DomainError('INTERNAL', 'Internal error');
  }
  const aggregate: AggregateRef = {
    id: opts.aggregateId,
    seq: await nextAggregateSeq(manager, schema, opts.aggregateId),
  };
  const envelope: OrderedEventEnvelope = {
    eventId: randomUUID(),
    type: event.type,
    occurredAt: (opts.occurredAt ?? new Date()).toISOString(),
    actor: { userId: ctx?.userId ?? null, orgId: ctx?.orgId ?? null, orgType: ctx?.orgType ?? null },
    correlationId: ctx?.correlationId ?? null,
    data,
    aggregate,
  };
  await manager.query(
    `INSERT INTO ${schema}.outbox (event_id, event_type, envelope, aggregate_id, aggregate_seq) VALUES ($1, $2, $3, $4, $5)`,
    [envelope.eventId, event.type, JSON.stringify(envelope), aggregate.id, aggregate.seq],
  );
  return envelope;
}

/**
 * The aggregate's next event number, in the caller's transaction. The upsert row-locks the counter until commit,
 * so numbers follow commit order per aggregate and a rolled-back transaction leaves no gap.
 */
export async function nextAggregateSeq(
  manager: EntityManager,
  schema: string,
  aggregateId: string,
): Promise<number> {
  const rows: { last_seq: string }[] = await manager.query(
    `INSERT INTO ${schema}.aggregate_sequence (aggregate_id, last_seq) VALUES ($1, 1)
     ON CONFLICT (aggregate_id) DO UPDATE SET last_seq = ${schema}.aggregate_sequence.last_seq + 1
     RETURNING last_seq`,
    [aggregateId],
  );
  return Number(rows[0].last_seq);
}
