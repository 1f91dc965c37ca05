import { OVERSIGHT_ORG_TYPES } from '../shared/organisation-type';
import { RequestContext } from '../shared/request-context';

type Actor = Pick<RequestContext, 'orgId' | 'orgType' | 'role'>;

/**
 * Who may register a city pair: MOE or the secretariat, or the Japanese municipality itself (an editor or admin),
 * for its own side only. Shared by the service (enforcement) and the portal (showing the form).
 */
export function canCreatePartnership(actor: Actor, municipalityOrgId?: string): boolean {
  if (actor.role === 'viewer') return false;
  if (OVERSIGHT_ORG_TYPES.includes(actor.orgType)) return true;
  return (
    actor.orgType === 'MUNICIPALITY' && (municipalityOrgId === undefined || municipalityOrgId === actor.orgId)
  );
}

/** MOE and the secretariat oversee the whole portfolio and see every record (DESIGN §5). */
export function seesAllRecords(actor: Pick<RequestContext, 'orgType'>): boolean {
  return OVERSIGHT_ORG_TYPES.includes(actor.orgType);
}

/** Who may add a participant (e.g. the contractor) to a city pair: MOE, the secretariat, or the pair's municipality. */
export function canAddPartnershipParticipant(actor: Actor, municipalityOrgId: string): boolean {
  if (actor.role === 'viewer') return false;
  if (OVERSIGHT_ORG_TYPES.includes(actor.orgType)) return true;
  return actor.orgType === 'MUNICIPALITY' && actor.orgId === municipalityOrgId;
}
