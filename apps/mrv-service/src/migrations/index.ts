import { CreateMessagingPlumbing1767225600000 } from './1767225600000-CreateMessagingPlumbing';
import { CreateMonitoringReports1767225600001 } from './1767225600001-CreateMonitoringReports';
import { AddEventOrdering1768000014000 } from './1768000014000-AddEventOrdering';

/** In order; each is tested up, down, up. */
export const MRV_MIGRATIONS = [CreateMessagingPlumbing1767225600000, CreateMonitoringReports1767225600001, AddEventOrdering1768000014000];
