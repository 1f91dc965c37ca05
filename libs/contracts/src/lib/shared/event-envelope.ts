import * as z from 'zod';
import { OrganisationType } from './organisation-type';

/** A domain event as published to JetStream from a service's outbox (DESIGN §4). */
export const EventEnvelope = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  occurredAt: z.iso.datetime(),
  actor: z.object({
    userId: z.uuid().nullable(),
    orgId: z.uuid().nullable(),
    orgType: OrganisationType.nullable(),
  }),
  correlationId: z.string().nullable(),
  /** The aggregate the event belongs to; `seq` numbers its events so consumers can apply them in order. */
  aggregate: z.object({ id: z.string().min(1), seq: z.number().int().positive().optional() }).optional(),
  data: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;
