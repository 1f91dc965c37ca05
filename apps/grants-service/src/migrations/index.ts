import { CreateMessagingPlumbing1767225600000 } from './1767225600000-CreateMessagingPlumbing';
import { CreatePartnershipProjection1767225600001 } from './1767225600001-CreatePartnershipProjection';
import { AddEventOrdering1768000014000 } from './1768000014000-AddEventOrdering';

export const GRANTS_MIGRATIONS = [CreateMessagingPlumbing1767225600000, CreatePartnershipProjection1767225600001, AddEventOrdering1768000014000];
