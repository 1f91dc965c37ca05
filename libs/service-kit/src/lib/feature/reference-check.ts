import type { EntityManager } from 'typeorm';
import { DomainError } from '@jcm/contracts';
import type { Source } from '../persistence/source';
import type { FieldRow, Fields } from '../persistence/table';
import type { TenantScope } from '../persistence/tenant-transaction';

/**
 * A reference field of a command (`contractId`, `callId`, …) checked under the caller's tenant scope (参照先の確認):
 * the record must exist AND be visible to the caller (the source's tenant filter plus RLS), and pass `also` (e.g.
 * "belongs to the same pair"). Otherwise NOT_FOUND naming the field, with one message for "absent", "another
 * tenant's" and "not of this pair", so the answer reveals nothing about other tenants' records; never a 500 from a
 * foreign key, never a record of another tenant accepted.
 */
export async function assertVisible<F extends Fields>(
  m: EntityManager,
  source: Source<F>,
  scope: TenantScope,
  id: string,
  path: string,
  also?: (row: FieldRow<F>) => boolean,
): Promise<FieldRow<F>> {
  const key = `${source.spec.alias}.${source.spec.key ?? 'id'}`;
  const row = await source.first(m, scope, (w) => w.eq(key, id));
  if (!row || (also && !also(row))) throw referenceNotFound(source.spec.label, path);
  return row;
}

/** The one answer for a reference the caller may not use: the field path, nothing about the record itself. */
export function referenceNotFound(label: string, path: string): DomainError {
  return new DomainError('NOT_FOUND', `${label} not found`, [
    { path, message: `No such ${label.toLowerCase()} visible to you` },
  ]);
}
