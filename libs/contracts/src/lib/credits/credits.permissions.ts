import { RequestContext } from '../shared/request-context';

type Actor = Pick<RequestContext, 'orgId' | 'orgType' | 'role'>;

/** Creating a registry is MOE's (Japan runs the JCM registry and records each partner side's registry). */
export function canCreateRegistry(actor: Actor): boolean {
  return actor.orgType === 'MOE' && actor.role !== 'viewer';
}

/**
 * The registry manager (登録簿管理者) opens accounts, registers projects and records issuances in its registry:
 * the registry's manager organisation, editor or admin. For Japan's registry that is MOE.
 */
export function canManageRegistry(actor: Actor, managerOrgId: string): boolean {
  return actor.role !== 'viewer' && actor.orgId === managerOrgId;
}

/** Only the holder organisation moves credits out of its account (transfer, retire, cancel); viewers never. */
export function canMoveCreditsFrom(actor: Actor, ownerOrgId: string): boolean {
  return actor.role !== 'viewer' && actor.orgId === ownerOrgId;
}

/** JCM projects are registered in the registry by MOE, after the Joint Committee's registration decision. */
export function canRegisterProject(actor: Actor): boolean {
  return actor.orgType === 'MOE' && actor.role !== 'viewer';
}
