import { EntityManager } from 'typeorm';
import { DomainError, RequestContext, seesAllRecords } from '@jcm/contracts';

/**
 * PostgreSQL returns bigint as a string: convert to integer yen only when it is a JS safe integer, so money is
 * never silently rounded through a float.
 */
export function yenFrom(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n) || String(n) !== String(value)) {
    throw new DomainError('INTERNAL', `Amount ${value} is not a safe integer of yen`);
  }
  return n;
}

export function iso(d: Date | string | null): string | null {
  return d === null ? null : isoAt(d);
}

export function isoAt(d: Date | string): string {
  return (d instanceof Date ? d : new Date(d)).toISOString();
}

/** A `date` column as 'YYYY-MM-DD' (the pg driver is configured per pool; accept both shapes). */
export function dateOnly(d: Date | string): string {
  if (typeof d === 'string') return d.slice(0, 10);
  const y = d.getFullYear();
  return `${y}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Tenancy in the query as well as by RLS (DESIGN §5: enforced twice); `alias.participant_org_ids` must exist. */
export function tenantFilter(ctx: RequestContext, alias: string, params: unknown[]): string {
  if (seesAllRecords(ctx)) return 'true';
  params.push(ctx.orgId);
  return `$${params.length}::uuid = ANY(${alias}.participant_org_ids)`;
}

export interface PageSpec {
  /** FROM … WHERE … without ORDER / LIMIT. */
  from: string;
  params: unknown[];
  sort: string;
  sortColumns: Record<string, string>;
  limit: number;
  offset: number;
}

/** Server-side paging with a stable tie-break on id. */
export async function pageRows<R>(m: EntityManager, select: string, spec: PageSpec): Promise<{ rows: R[]; total: number }> {
  const desc = spec.sort.startsWith('-');
  const column = spec.sortColumns[spec.sort.replace(/^-/, '')];
  if (!column) throw new DomainError('VALIDATION_FAILED', `Unknown sort ${spec.sort}`, [{ path: 'sort', message: 'Unknown sort' }]);
  const n = spec.params.length;
  const rows: R[] = await m.query(
    `SELECT ${select} ${spec.from} ORDER BY ${column} ${desc ? 'DESC' : 'ASC'} NULLS LAST, id ASC LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...spec.params, spec.limit, spec.offset],
  );
  const [{ total }] = await m.query(`SELECT count(*)::int AS total ${spec.from}`, spec.params);
  return { rows, total };
}

/** Adds `AND col = $n` for each defined filter value. */
export function filters(where: string[], params: unknown[], pairs: [string, unknown][]): void {
  for (const [column, value] of pairs) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
}

/** Refuses a transition from the wrong state with CONFLICT, naming both states. */
export function assertState<S extends string>(what: string, current: S, allowed: readonly S[], action: string): void {
  if (!allowed.includes(current)) {
    throw new DomainError('CONFLICT', `Cannot ${action} a ${what} in state ${current} (allowed from: ${allowed.join(', ')}).`);
  }
}

export function notFound(what: string, id: string): DomainError {
  // Another tenant's record is reported exactly like a missing one: existence is not disclosed.
  return new DomainError('NOT_FOUND', `${what} ${id} not found`);
}

export function forbidden(message: string): DomainError {
  return new DomainError('FORBIDDEN', message);
}
