import * as z from 'zod';
import { PartnershipView } from './partnership.commands';

/** evt.partnership.partnership.created: consumed by grants-service for its partnership projection. */
export const PartnershipCreatedEvent = PartnershipView;
export type PartnershipCreatedEvent = z.infer<typeof PartnershipCreatedEvent>;
