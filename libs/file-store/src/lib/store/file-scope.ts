import { DataSource, EntityManager } from 'typeorm';

/**
 * Whose eyes a file-store transaction has (RLS of schema `files`): an organisation, optionally holding the grant
 * for one file that its owning service just confirmed; or the store itself ('system'), only to learn which service
 * to ask about a file, and for housekeeping.
 */
export type FileScope = { orgId: string; grantFileId?: string } | 'system';

export function inFileScope<T>(
  ds: DataSource,
  scope: FileScope,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  const [orgId, orgType, grant] =
    scope === 'system' ? ['', 'SYSTEM', ''] : [scope.orgId, '', scope.grantFileId ?? ''];
  return ds.transaction(async (m) => {
    await m.query(
      `SELECT set_config('app.org_id', $1, true), set_config('app.org_type', $2, true), set_config('app.file_grant', $3, true)`,
      [orgId, orgType, grant],
    );
    return work(m);
  });
}
