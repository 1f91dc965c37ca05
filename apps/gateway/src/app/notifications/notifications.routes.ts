import {
  ListNotificationsQuery,
  MarkNotificationReadCommand,
  NOTIFICATION_RPC,
  NotificationList,
  UnreadCount,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

/** /api/v1/notifications: the caller's organisation's in-app notices (the portal's bell), from notification-service. */
export const NOTIFICATION_ROUTES = routeArea('Notifications', [
  route({
    method: 'GET',
    path: 'notifications',
    summary: 'My organisation’s notices, newest first (?unreadOnly=true)',
    query: ListNotificationsQuery,
    response: NotificationList,
    rpc: { subject: NOTIFICATION_RPC.notification.list },
  }),
  route({
    method: 'GET',
    path: 'notifications/unread-count',
    summary: 'Unread notices (the bell’s badge)',
    response: UnreadCount,
    rpc: { subject: NOTIFICATION_RPC.notification.unreadCount },
  }),
  route({
    method: 'POST',
    path: 'notifications/:id/read',
    summary: 'Mark a notice read (404 for another organisation’s)',
    status: 200,
    params: MarkNotificationReadCommand,
    response: UnreadCount,
    rpc: { subject: NOTIFICATION_RPC.notification.markRead },
  }),
]);
