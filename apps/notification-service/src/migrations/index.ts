import { CreateMessagingPlumbing1767225600000 } from './1767225600000-CreateMessagingPlumbing';
import { CreateNotifications1767225600001 } from './1767225600001-CreateNotifications';

export const NOTIFICATION_MIGRATIONS = [
  CreateMessagingPlumbing1767225600000,
  CreateNotifications1767225600001,
];
