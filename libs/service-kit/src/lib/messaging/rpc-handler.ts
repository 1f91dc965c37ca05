import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, RequestContext, RpcReply } from '@jcm/contracts';
import { isPgError } from '../persistence/migrate';

const logger = new Logger('Rpc');

/**
 * Wraps a NATS request handler (DESIGN §4): validates `{ ctx, data }` with zod, runs the work, and turns every
 * outcome into the `{ ok, data | error }` reply, so callers always receive a typed result rather than Nest's
 * generic "Internal server error".
 */
export async function handleRpc<S extends z.ZodTypeAny, O>(
  raw: unknown,
  schema: S,
  work: (ctx: RequestContext, data: z.infer<S>) => Promise<O>,
): Promise<RpcReply<O>> {
  try {
    const envelope = z.object({ ctx: RequestContext, data: z.unknown() }).safeParse(raw);
    if (!envelope.success) throw DomainError.validation(envelope.error, 'request envelope');
    const data = schema.safeParse(envelope.data.data);
    if (!data.success) throw DomainError.validation(data.error);
    return { ok: true, data: await work(envelope.data.ctx, data.data) };
  } catch (err) {
    return { ok: false, error: toDomainError(err).toRpcError() };
  }
}

/**
 * The same for a query anyone may ask (the public registry view): the gateway forwards anonymous visitors without a
 * context, so `ctx` may be absent and `work` is given none — a public answer must not depend on who asks.
 */
export async function handlePublicRpc<S extends z.ZodTypeAny, O>(
  raw: unknown,
  schema: S,
  work: (data: z.infer<S>) => Promise<O>,
): Promise<RpcReply<O>> {
  try {
    const envelope = z
      .object({ ctx: RequestContext.optional(), data: z.unknown().optional() })
      .safeParse(raw ?? {});
    if (!envelope.success) throw DomainError.validation(envelope.error, 'request envelope');
    const data = schema.safeParse(envelope.data.data ?? {});
    if (!data.success) throw DomainError.validation(data.error);
    return { ok: true, data: await work(data.data) };
  } catch (err) {
    return { ok: false, error: toDomainError(err).toRpcError() };
  }
}

export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (isPgError(err, '23505')) return new DomainError('CONFLICT', 'The record already exists.');
  if (isPgError(err, '42501')) return new DomainError('FORBIDDEN', 'Not permitted for your organisation.');
  logger.error((err as Error)?.stack ?? String(err));
  return new DomainError('INTERNAL', 'Internal error');
}
