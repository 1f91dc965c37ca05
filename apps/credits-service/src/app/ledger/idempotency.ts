import { DataSource, EntityManager } from 'typeorm';
import { DomainError, RequestContext } from '@jcm/contracts';
import { inTenantTransaction, isPgError } from '@jcm/service-kit';
import { requestFingerprint } from './journal-hash';

/**
 * Runs a registry command in one tenant transaction, exactly once per idempotency key (冪等性キー).
 *
 * The key is claimed first, with INSERT … ON CONFLICT DO NOTHING on (org, key): a concurrent retry blocks on the
 * unique index until the first attempt commits or rolls back, then either replays the stored result or, if the
 * first attempt failed, runs itself. The result is written in the same transaction as the credits it moved, so
 * "moved but not recorded" cannot happen. A key reused for a different request is a CONFLICT.
 */
export async function runOnce<T>(
  ds: DataSource,
  ctx: RequestContext,
  operation: string,
  data: unknown,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return runOnceUntranslated(ds, ctx, operation, data, work).catch((err: unknown) => {
    throw translateLedgerError(err);
  });
}

async function runOnceUntranslated<T>(
  ds: DataSource,
  ctx: RequestContext,
  operation: string,
  data: unknown,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return inTenantTransaction(ds, ctx, async (m) => {
    const key = ctx.idempotencyKey;
    if (!key) return work(m);
    const fingerprint = requestFingerprint(operation, data);
    const claimed: unknown[] = await m.query(
      `INSERT INTO credits.idempotency_record (org_id, key, operation, request_hash, participant_org_ids)
       VALUES ($1, $2, $3, $4, ARRAY[$1]::uuid[]) ON CONFLICT (org_id, key) DO NOTHING RETURNING key`,
      [ctx.orgId, key, operation, fingerprint],
    );
    if (claimed.length === 0) {
      const [prior]: { request_hash: string; result: T | null }[] = await m.query(
        `SELECT request_hash, result FROM credits.idempotency_record WHERE org_id = $1 AND key = $2`,
        [ctx.orgId, key],
      );
      if (!prior || prior.request_hash !== fingerprint || prior.result === null) {
        throw new DomainError('CONFLICT', 'This Idempotency-Key was already used for a different request.');
      }
      return prior.result;
    }
    const result = await work(m);
    await m.query(`UPDATE credits.idempotency_record SET result = $3 WHERE org_id = $1 AND key = $2`, [
      ctx.orgId,
      key,
      JSON.stringify(result),
    ]);
    return result;
  });
}

/**
 * The database's own guards (exclusion, check and trigger errors) become domain errors: they mean a rule of the
 * registry held, not that the service broke.
 */
export function translateLedgerError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const message = (err as Error)?.message ?? '';
  if (isPgError(err, '23P01'))
    return new DomainError('CONFLICT', 'Overlaps an existing record (monitoring period or serial range).');
  if (isPgError(err, 'P0001')) return new DomainError('RULE_VIOLATION', message);
  if (isPgError(err, '23514'))
    return new DomainError('RULE_VIOLATION', `Refused by the registry's constraints: ${message}`);
  if (isPgError(err, '40P01') || isPgError(err, '40001'))
    return new DomainError('CONFLICT', 'Concurrent update; retry.');
  return err;
}
