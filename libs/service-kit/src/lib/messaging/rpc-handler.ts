import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, RequestContext, RpcReply } from '@jcm/contracts';
import { isDatabaseUnavailable } from '../persistence/db-unavailable';
import { isPgError } from '../persistence/migrate';
import { logSecurityEvent } from '../security/context-signature';
import { rpcMetaOf } from './prefixed-nats';

const logger = new Logger('Rpc');

const Envelope = z.object({ ctx: RequestContext, data: z.unknown(), auth: z.string().max(4096).optional() });

/**
 * Wraps a NATS request handler (DESIGN §4): verifies the gateway's signature over the caller context (DESIGN §5:
 * an unsigned, expired, replayed or forged context never reaches a handler), validates `{ ctx, data }` with zod,
 * runs the work, and turns every outcome into the `{ ok, data | error }` reply, so callers always receive a typed
 * result rather than Nest's generic "Internal server error".
 */
export async function handleRpc<S extends z.ZodTypeAny, O>(
  raw: unknown,
  schema: S,
  work: (ctx: RequestContext, data: z.infer<S>) => Promise<O>,
): Promise<RpcReply<O>> {
  try {
    const ctx = verifiedCaller(raw);
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) throw DomainError.validation(envelope.error, 'request envelope');
    const data = schema.safeParse(envelope.data.data);
    if (!data.success) throw DomainError.validation(data.error);
    return { ok: true, data: await work(ctx, data.data) };
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

/** The caller context as the gateway signed it; a request that did not come through the transport is refused. */
function verifiedCaller(raw: unknown): RequestContext {
  const meta = rpcMetaOf(raw);
  if (!meta) {
    logSecurityEvent('rpc.refused', { reason: 'no transport metadata' });
    throw new DomainError('UNAUTHENTICATED', 'The caller context is not signed');
  }
  const { ctx, data, auth } = (raw ?? {}) as { ctx?: unknown; data?: unknown; auth?: unknown };
  const signed = meta.verifier.verify(typeof auth === 'string' ? auth : undefined, meta.subject, ctx, data);
  const parsed = Envelope.pick({ ctx: true }).safeParse({ ctx: signed });
  if (!parsed.success) throw DomainError.validation(parsed.error, 'request envelope');
  return parsed.data.ctx;
}

export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (isPgError(err, '23505')) return new DomainError('CONFLICT', 'The record already exists.');
  if (isPgError(err, '42501')) return new DomainError('FORBIDDEN', 'Not permitted for your organisation.');
  if (isDatabaseUnavailable(err))
    return new DomainError('UNAVAILABLE', 'The database is unavailable; retry shortly.');
  logger.error((err as Error)?.stack ?? String(err));
  return new DomainError('INTERNAL', 'Internal error');
}
