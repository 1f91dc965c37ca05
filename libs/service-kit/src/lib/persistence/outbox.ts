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

/**
 * Writes a domain event into the service's outbox inside the caller's transaction: the event is published if and
 * only if the change commits (DESIGN §4). The payload must match the event's schema: a producer that drifted from
 * its contract fails its own transaction (INTERNAL, logged) instead of publishing what consumers cannot parse.
 */
export async function appendToOutbox<S extends z.ZodTypeAny>(
  manager: EntityManager,
  schema: string,
  event: EventDefinition<S>,
  data: z.input<S>,
  ctx: RequestContext | null,
  opts: OutboxOptions,
): Promise<EventEnvelope> {
  const checked = event.schema.safeParse(data);
  if (!checked.success) {
    const paths = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    logger.error(
      `Refused ${event.type} for ${opts.aggregateId}: the payload does not match its schema (${paths})`,
    );
    throw new DomainError('INTERNAL', 'Internal error');
  }
  const envelope: EventEnvelope = {
    eventId: randomUUID(),
    type: event.type,
    occurredAt: (opts.occurredAt ?? new Date()).toISOString(),
    actor: { userId: ctx?.userId ?? null, orgId: ctx?.orgId ?? null, orgType: ctx?.orgType ?? null },
    correlationId: ctx?.correlationId ?? null,
    aggregate: { id: opts.aggregateId },
    data,
  };
  await manager.query(`INSERT INTO ${schema}.outbox (event_id, event_type, envelope) VALUES ($1, $2, $3)`, [
    envelope.eventId,
    event.type,
    JSON.stringify(envelope),
  ]);
  return envelope;
}
