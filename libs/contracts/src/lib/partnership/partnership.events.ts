import * as z from 'zod';
import { OtherParticipant, PartnershipView } from './partnership.commands';

/** evt.partnership.partnership.created: consumed by grants-service for its partnership projection. */
export const PartnershipCreatedEvent = PartnershipView;
export type PartnershipCreatedEvent = z.infer<typeof PartnershipCreatedEvent>;

/** evt.partnership.partnership.participant-added: grants' projection widens who may see the partnership. */
export const PartnershipParticipantAddedEvent = z.object({
  partnershipId: z.uuid(),
  participant: OtherParticipant,
  participantOrgIds: z.array(z.uuid()),
});
export type PartnershipParticipantAddedEvent = z.infer<typeof PartnershipParticipantAddedEvent>;
