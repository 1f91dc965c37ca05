import { CreateMessagingPlumbing1767225600000 } from './1767225600000-CreateMessagingPlumbing';
import { CreatePartnership1767225600001 } from './1767225600001-CreatePartnership';

/** In order; each is tested up, down, up. */
export const PARTNERSHIP_MIGRATIONS = [CreateMessagingPlumbing1767225600000, CreatePartnership1767225600001];
