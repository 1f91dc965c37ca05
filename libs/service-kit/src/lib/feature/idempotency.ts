import { createHash } from 'crypto';
import { EntityManager } from 'typeorm';
import { DomainError, RequestContext } from '@jcm/contracts';
import { participantPolicySql } from '../persistence/tenant-sql';

/**
 * An `Idempotency-Key` (冪等性キー) as a client sends it: 1–200 visible ASCII characters (a UUID is the usual
 * choice). Anything else is refused with VALIDATION_FAILED rather than ignored, so a client never believes a
 * retry is safe when it is not.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function assertIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The Idempotency-Key must be 1–200 visible ASCII characters.',
      [
        {
          path: 'Idempotency-Key',
          message:
            key.length > 200 ? 'At most 200 characters' : 'Only visible ASCII characters (e.g. a UUID)',
        },
      ],
    );
  }
}

/** What one mutation is, for its idempotency record: the operation (its RPC subject) and the validated body. */
export interface IdempotentOperation {
  operation: string;
  body: unknown;
}

/**
 * Runs `work` once per (organisation, operation, key) inside the caller's tenant transaction `m`:
 * - no key: runs it;
 * - a new key: claims it (INSERT … ON CONFLICT DO NOTHING — a concurrent retry waits on the unique index until
 *   the first attempt commits or rolls back), runs the work and stores its reply in the same transaction, so
 *   "applied but not recorded" cannot happen; a failed attempt rolls its claim back and may be retried;
 * - a used key with the same body: the stored first reply, without running anything;
 * - a used key with another body: CONFLICT.
 */
export async function runIdempotent<T>(
  m: EntityManager,
  schema: string,
  ctx: RequestContext,
  op: IdempotentOperation,
  work: () => Promise<T>,
): Promise<T> {
  const key = ctx.idempotencyKey;
  if (key === undefined) return work();
  assertIdempotencyKey(key);
  const hash = requestHash(op.body);
  const claimed: unknown[] = await m.query(
    `INSERT INTO ${schema}.idempotency_key (org_id, operation, key, request_hash, participant_org_ids)
     VALUES ($1, $2, $3, $4, ARRAY[$1]::uuid[]) ON CONFLICT (org_id, operation, key) DO NOTHING RETURNING key`,
    [ctx.orgId, op.operation, key, hash],
  );
  if (claimed.length === 0) {
    const [prior]: { request_hash: string; reply: T | null }[] = await m.query(
      `SELECT request_hash, reply FROM ${schema}.idempotency_key WHERE org_id = $1 AND operation = $2 AND key = $3`,
      [ctx.orgId, op.operation, key],
    );
    if (!prior || prior.request_hash !== hash || prior.reply === null) {
      throw new DomainError('CONFLICT', 'This Idempotency-Key was already used for a different request.', [
        { path: 'Idempotency-Key', message: 'Already used with another body' },
      ]);
    }
    return prior.reply;
  }
  const reply = await work();
  await m.query(
    `UPDATE ${schema}.idempotency_key SET reply = $4 WHERE org_id = $1 AND operation = $2 AND key = $3`,
    [ctx.orgId, op.operation, key, JSON.stringify(reply ?? null)],
  );
  return reply;
}

/** SHA-256 of the body as canonical JSON (keys sorted), so key order on the wire does not make a "different" body. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The idempotency table of a service's schema, for one of its migrations. Rows are the calling organisation's
 * own (RLS), and the stored reply is what that organisation was answered.
 */
export function idempotencyPlumbingUpSql(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.idempotency_key (
       org_id uuid NOT NULL,
       operation text NOT NULL,
       key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
       request_hash text NOT NULL,
       reply jsonb,
       participant_org_ids uuid[] NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (org_id, operation, key)
     )`,
    participantPolicySql(schema, 'idempotency_key'),
  ];
}

export function idempotencyPlumbingDownSql(schema: string): string[] {
  return [`DROP TABLE IF EXISTS ${schema}.idempotency_key`];
}
