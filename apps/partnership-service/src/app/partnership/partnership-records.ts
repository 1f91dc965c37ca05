import { EntityManager } from 'typeorm';
import { OtherParticipant, PARTNERSHIP_EVENTS, PartnershipView, RequestContext } from '@jcm/contracts';
import { appendToOutbox, InsertOf } from '@jcm/service-kit';
import { PARTNERSHIP, PARTNERSHIP_SOURCE, toPartnershipView } from './partnership.rows';

/**
 * Registers a city pair inside the caller's transaction and publishes `partnership.partnership.created` with its
 * view: one path for a municipality's registration and for a pair created by selecting a new proposal.
 */
export async function registerPartnership(
  m: EntityManager,
  ctx: RequestContext,
  values: InsertOf<typeof PARTNERSHIP.columns>,
): Promise<PartnershipView> {
  const view = toPartnershipView(await PARTNERSHIP.insert(m, values));
  await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.partnership.created, view, ctx, {
    aggregateId: view.id,
  });
  return view;
}

/**
 * Adds `participant` to a city pair inside the caller's transaction, once: participant_org_ids widens who sees the
 * pair (RLS), other_participants says in what role. Returns false when the organisation already took part.
 */
export async function addParticipantToPartnership(
  m: EntityManager,
  ctx: RequestContext,
  partnershipId: string,
  participant: OtherParticipant,
): Promise<boolean> {
  const pair = await PARTNERSHIP_SOURCE.find(m, 'system', partnershipId, { lock: true });
  if (pair.participant_org_ids.includes(participant.orgId)) return false;
  const participantOrgIds = [...pair.participant_org_ids, participant.orgId];
  await PARTNERSHIP.update(m, pair.id, {
    participant_org_ids: participantOrgIds,
    other_participants: [...pair.other_participants, participant],
  });
  await appendToOutbox(
    m,
    'partnership',
    PARTNERSHIP_EVENTS.partnership.participantAdded,
    { partnershipId, participant, participantOrgIds },
    ctx,
    { aggregateId: partnershipId },
  );
  return true;
}
