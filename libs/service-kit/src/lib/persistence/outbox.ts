import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, RequestContext } from '@jcm/contracts';

/**
 * Writes a domain event into the service's outbox inside the caller's transaction: the event is published if and
 * only if the change commits (DESIGN §4). `eventType` has no stream prefix (`partnership.partnership.created`).
 */
export async function appendToOutbox(
  manager: EntityManager,
  schema: string,
  eventType: string,
  data: unknown,
  ctx: RequestContext | null,
  occurredAt: Date = new Date(),
): Promise<EventEnvelope> {
  const envelope: EventEnvelope = {
    eventId: randomUUID(),
    type: eventType,
    occurredAt: occurredAt.toISOString(),
    actor: { userId: ctx?.userId ?? null, orgId: ctx?.orgId ?? null, orgType: ctx?.orgType ?? null },
    correlationId: ctx?.correlationId ?? null,
    data,
  };
  await manager.query(`INSERT INTO ${schema}.outbox (event_id, event_type, envelope) VALUES ($1, $2, $3)`, [
    envelope.eventId,
    eventType,
    JSON.stringify(envelope),
  ]);
  return envelope;
}
