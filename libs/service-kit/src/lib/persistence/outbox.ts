import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, RequestContext } from '@jcm/contracts';

/** Which aggregate an event belongs to and its place in that aggregate's history (1, 2, …). */
export interface AggregateRef {
  id: string;
  seq: number;
}

/** An envelope as the outbox writes it: `aggregate` is set when the caller names the aggregate. */
export type OrderedEventEnvelope = EventEnvelope & { aggregate?: AggregateRef };

/**
 * Writes a domain event into the service's outbox inside the caller's transaction: the event is published if and
 * only if the change commits (DESIGN §4). `eventType` has no stream prefix (`partnership.partnership.created`).
 * With `aggregateId`, the event gets the aggregate's next sequence number, so consumers apply it in order.
 */
export async function appendToOutbox(
  manager: EntityManager,
  schema: string,
  eventType: string,
  data: unknown,
  ctx: RequestContext | null,
  occurredAt: Date = new Date(),
  aggregateId?: string,
): Promise<OrderedEventEnvelope> {
  const aggregate = aggregateId
    ? { id: aggregateId, seq: await nextAggregateSeq(manager, schema, aggregateId) }
    : undefined;
  const envelope: OrderedEventEnvelope = {
    eventId: randomUUID(),
    type: eventType,
    occurredAt: occurredAt.toISOString(),
    actor: { userId: ctx?.userId ?? null, orgId: ctx?.orgId ?? null, orgType: ctx?.orgType ?? null },
    correlationId: ctx?.correlationId ?? null,
    data,
    ...(aggregate ? { aggregate } : {}),
  };
  await manager.query(
    `INSERT INTO ${schema}.outbox (event_id, event_type, envelope, aggregate_id, aggregate_seq) VALUES ($1, $2, $3, $4, $5)`,
    [envelope.eventId, eventType, JSON.stringify(envelope), aggregate?.id ?? null, aggregate?.seq ?? null],
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
