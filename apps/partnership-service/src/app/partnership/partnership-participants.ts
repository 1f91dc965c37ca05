import { EntityManager } from 'typeorm';
import { OtherParticipant, PARTNERSHIP_EVENTS, RequestContext } from '@jcm/contracts';
import { appendToOutbox } from '@jcm/service-kit';

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
  // TypeORM answers an UPDATE with [rows, affected count].
  const [rows]: [{ participant_org_ids: string[] }[], number] = await m.query(
    `UPDATE partnership.partnership
        SET participant_org_ids = participant_org_ids || $2::uuid,
            other_participants = other_participants || jsonb_build_array($3::jsonb)
      WHERE id = $1 AND NOT ($2::uuid = ANY (participant_org_ids))
      RETURNING participant_org_ids`,
    [partnershipId, participant.orgId, JSON.stringify(participant)],
  );
  if (rows.length === 0) return false;
  await appendToOutbox(
    m,
    'partnership',
    PARTNERSHIP_EVENTS.partnership.participantAdded.type,
    { partnershipId, participant, participantOrgIds: rows[0].participant_org_ids },
    ctx,
    undefined,
    // Ordered after the pair's "created" (issue #14 #2): a replica must not apply the participant first.
    partnershipId,
  );
  return true;
}
