import { CreateMessagingPlumbing1767225600000 } from './1767225600000-CreateMessagingPlumbing';

export const MRV_MIGRATIONS = [CreateMessagingPlumbing1767225600000];
