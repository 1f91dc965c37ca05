import { DomainError, FileAccessCheck, FileAccessReply, RequestContext, RpcReply } from '@jcm/contracts';
import { handleRpc } from '../messaging/rpc-handler';

/**
 * "May this caller see record `ownerId` of this kind, and does that record hold file `fileId`?" — one predicate per
 * record kind a service attaches files to. Answer from the service's own tenant-scoped query (RLS applies), so a
 * file is exactly as visible as the record that owns it.
 */
export type FileAccessPredicate = (ctx: RequestContext, check: FileAccessCheck) => Promise<boolean>;

/**
 * Answers `<service>.file-access.check` (DESIGN §4 Files) for the gateway before it streams a file:
 *
 * ```ts
 * @MessagePattern(fileAccessSubject('partnership'))
 * fileAccess(@Payload() raw: unknown) {
 *   return answerFileAccess(raw, { 'interest-letter': (ctx, c) => this.letters.holdsFile(ctx, c.ownerId, c.fileId) });
 * }
 * ```
 *
 * Fails closed: a kind without a predicate, or a predicate that throws NOT_FOUND / FORBIDDEN, is `allowed: false`.
 * Other failures stay errors, so the gateway answers 5xx instead of a misleading 404.
 */
export function answerFileAccess(
  raw: unknown,
  predicates: Record<string, FileAccessPredicate>,
): Promise<RpcReply<FileAccessReply>> {
  return handleRpc(raw, FileAccessCheck, async (ctx, check) => {
    const predicate = Object.prototype.hasOwnProperty.call(predicates, check.ownerKind)
      ? predicates[check.ownerKind]
      : undefined;
    if (!predicate) return { allowed: false };
    try {
      return { allowed: (await predicate(ctx, check)) === true };
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN'))
        return { allowed: false };
      throw err;
    }
  });
}
