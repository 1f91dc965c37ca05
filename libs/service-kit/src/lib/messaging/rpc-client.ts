import { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { z } from 'zod';
import { DomainError, RequestContext, RpcError, RpcReply } from '@jcm/contracts';
import { ContextSigner } from '../security/context-signature';

/**
 * Sends a NATS request with a deadline and unwraps the reply: an `{ ok: false }` becomes a DomainError with the
 * service's code, a timeout becomes TIMEOUT (the command may still have run: hence Idempotency-Key), and the
 * reply data is parsed with the contract's schema so a service can never hand the gateway an unexpected shape.
 * `ctx` is null for an anonymous caller (a public route): the request then carries no context at all, and only a
 * handler written with `handlePublicRpc` accepts it.
 * A caller context is signed for this subject and data by the client's signer (the gateway's key).
 */
export async function sendRpc<S extends z.ZodTypeAny>(
  client: Pick<ClientProxy, 'send'> & { readonly contextSigner?: ContextSigner | null },
  subject: string,
  ctx: RequestContext | null,
  data: unknown,
  replySchema: S,
  timeoutMs = 5000,
): Promise<z.infer<S>> {
  let reply: RpcReply<unknown>;
  try {
    const auth = ctx ? client.contextSigner?.sign(subject, ctx, data) : undefined;
    reply = await firstValueFrom(
      client.send<RpcReply<unknown>>(subject, ctx ? { ctx, data, auth } : { data }).pipe(timeout(timeoutMs)),
    );
  } catch (err) {
    if (err instanceof TimeoutError)
      throw new DomainError('TIMEOUT', `No reply from ${subject} within ${timeoutMs} ms`);
    const rpc = RpcError.safeParse(err);
    if (rpc.success) throw new DomainError(rpc.data.code, rpc.data.message, rpc.data.issues);
    throw new DomainError('UNAVAILABLE', `${subject} failed: ${(err as Error)?.message ?? 'unknown error'}`);
  }
  if (typeof reply !== 'object' || reply === null || typeof reply.ok !== 'boolean') {
    throw new DomainError('INTERNAL', `Malformed reply from ${subject}`);
  }
  if (!reply.ok) throw new DomainError(reply.error.code, reply.error.message, reply.error.issues);
  const parsed = replySchema.safeParse(reply.data);
  if (!parsed.success) throw new DomainError('INTERNAL', `Unexpected reply from ${subject}`);
  return parsed.data;
}
