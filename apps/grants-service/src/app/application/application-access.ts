import { DomainError, RequestContext, seesAllRecords } from '@jcm/contracts';
import { notFound } from '@jcm/service-kit';
import { ApplicationRow } from './application.rows';

/** Who acts on an application and for whom (代理申請: a delegate acts on behalf of the representative). */
export interface Actor {
  onBehalfOfOrgId: string | null;
  isRepresentative: boolean;
}

/** An active delegation of the caller's organisation on `row` at `today` ('YYYY-MM-DD'). */
function activeDelegation(row: ApplicationRow, orgId: string, today: string) {
  return row.delegations.find((d) => d.delegateOrgId === orgId && d.revokedAt === null && d.until >= today);
}

/**
 * Whether the caller may see `row`: oversight always; members always; a delegate only while its delegation runs
 * (after its end date the application answers NOT_FOUND again, as for any other organisation).
 */
export function assertVisible(ctx: RequestContext, row: ApplicationRow, today: string): void {
  if (seesAllRecords(ctx) || row.member_org_ids.includes(ctx.orgId)) return;
  if (!activeDelegation(row, ctx.orgId, today)) throw notFound('Application', row.id);
}

/** The applicant side of a write: a consortium member or an active delegate, never a viewer or oversight. */
export function applicantActor(ctx: RequestContext, row: ApplicationRow, today: string): Actor {
  assertVisible(ctx, row, today);
  if (ctx.role === 'viewer') throw new DomainError('FORBIDDEN', 'A viewer cannot change an application.');
  if (row.member_org_ids.includes(ctx.orgId)) {
    return { onBehalfOfOrgId: null, isRepresentative: row.representative_org_id === ctx.orgId };
  }
  if (activeDelegation(row, ctx.orgId, today))
    return { onBehalfOfOrgId: row.representative_org_id, isRepresentative: false };
  throw new DomainError('FORBIDDEN', 'Only the consortium or its delegate edits an application.');
}
