import * as z from 'zod';
import { MembershipRole, OrganisationType } from './organisation-type';

/** Who is asking: put on every NATS request by the gateway, used by services for tenancy (RLS) and audit. */
export const RequestContext = z.object({
  userId: z.uuid(),
  orgId: z.uuid(),
  orgType: OrganisationType,
  role: MembershipRole,
  correlationId: z.string().min(1).max(100),
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type RequestContext = z.infer<typeof RequestContext>;

/** Envelope of every NATS request (DESIGN §4): `{ ctx, data }`. */
export interface RpcRequest<T> {
  ctx: RequestContext;
  data: T;
}
