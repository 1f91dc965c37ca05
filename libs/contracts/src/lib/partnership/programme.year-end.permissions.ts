import { OVERSIGHT_ORG_TYPES } from '../shared/organisation-type';
import { RequestContext } from '../shared/request-context';

type Actor = Pick<RequestContext, 'orgId' | 'orgType' | 'role'>;

const writes = (a: Actor) => a.role !== 'viewer';
const oversight = (a: Actor) => writes(a) && OVERSIGHT_ORG_TYPES.includes(a.orgType);
const contractor = (a: Actor, companyOrgId: string) =>
  writes(a) && a.orgType === 'COMPANY' && a.orgId === companyOrgId;

/** 報告会の日程: the secretariat schedules (city-partnerships.md §1.3 "C (schedule)"), MOE too, and the contractor. */
export function canScheduleReportMeeting(actor: Actor, companyOrgId: string): boolean {
  return oversight(actor) || contractor(actor, companyOrgId);
}

/** 報告会の開催記録: the contractor, or MOE / the secretariat, records that the online meeting took place. */
export function canRecordMeetingHeld(actor: Actor, companyOrgId: string): boolean {
  return oversight(actor) || contractor(actor, companyOrgId);
}

/** 議事録の確認: MOE / the secretariat or the contract's Japanese municipality (§1.3: municipality attends, R). */
export function canConfirmMeetingMinutes(actor: Actor, municipalityOrgId: string): boolean {
  return (
    oversight(actor) ||
    (writes(actor) && actor.orgType === 'MUNICIPALITY' && actor.orgId === municipalityOrgId)
  );
}

/** 成果物の提出依頼・受領, 精算報告の検査 (会計帳票検査): MOE and the secretariat (§1.3 "A"). */
export function canInspectYearEnd(actor: Actor): boolean {
  return oversight(actor);
}
