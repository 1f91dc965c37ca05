import { OVERSIGHT_ORG_TYPES } from '../shared/organisation-type';
import { RequestContext } from '../shared/request-context';

type Actor = Pick<RequestContext, 'orgId' | 'orgType' | 'role'>;

const writes = (a: Actor) => a.role !== 'viewer';

/** 公募の管理: only MOE and the secretariat create and move calls (city-partnerships.md §1.3). */
export function canManageCalls(actor: Actor): boolean {
  return writes(actor) && OVERSIGHT_ORG_TYPES.includes(actor.orgType);
}

/** 審査・採択: MOE and the secretariat score, select and reject proposals, and act on contracts (§1.3). */
export function canReviewProposals(actor: Actor): boolean {
  return writes(actor) && OVERSIGHT_ORG_TYPES.includes(actor.orgType);
}

/** 代表事業者: only a company applies (E1: municipalities and partner cities do not apply themselves). */
export function canApply(actor: Actor): boolean {
  return writes(actor) && actor.orgType === 'COMPANY';
}

/** The contractor company of a record edits and submits it (月次報告, 関心表明レターの依頼). */
export function isContractor(actor: Actor, companyOrgId: string): boolean {
  return writes(actor) && actor.orgType === 'COMPANY' && actor.orgId === companyOrgId;
}

/** 月次報告の確認: the Japanese municipality of the contract, or MOE / the secretariat (§1.3). */
export function canAcknowledgeMonthlyReport(actor: Actor, municipalityOrgId: string): boolean {
  if (!writes(actor)) return false;
  return (
    OVERSIGHT_ORG_TYPES.includes(actor.orgType) ||
    (actor.orgType === 'MUNICIPALITY' && actor.orgId === municipalityOrgId)
  );
}
