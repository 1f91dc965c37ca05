import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '@jcm/contracts';

/** Who a transaction runs as, for row-level security: a caller's organisation, or the service itself. */
export type TenantScope = Pick<RequestContext, 'orgId' | 'orgType'> | 'system';

/**
 * Runs `work` in one transaction with `app.org_id` / `app.org_type` set LOCAL, so every statement inside is
 * filtered by the schema's RLS policies and nothing leaks past the transaction's end (pooled connections).
 */
export async function inTenantTransaction<T>(
  dataSource: DataSource,
  scope: TenantScope,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const [orgId, orgType] = scope === 'system' ? ['', 'SYSTEM'] : [scope.orgId, scope.orgType];
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.org_id', $1, true), set_config('app.org_type', $2, true)`, [
      orgId,
      orgType,
    ]);
    return work(manager);
  });
}
