import * as z from 'zod';

/** NATS subjects of notification-service (DESIGN §4): in-app notices and reminders of due work. */
export const NOTIFICATION_RPC = {
  notification: {
    list: 'notification.notification.list',
    unreadCount: 'notification.notification.unread-count',
    markRead: 'notification.notification.mark-read',
  },
} as const;

/** Why a notice was sent (each message says why the recipient gets it). */
export const NotificationKind = z.enum([
  'MONTHLY_REPORT_RETURNED',
  'MONTHLY_REPORT_ACKNOWLEDGED',
  'CONTRACT_SIGNED',
  'MONTHLY_REPORT_DUE_SOON',
  'MONTHLY_REPORT_OVERDUE',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationView = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  recordId: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
  /** The record the notice is about, as a portal path. */
  link: z.string(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const ListNotificationsQuery = z.object({ unreadOnly: z.coerce.boolean().optional() }).strict();
export const NotificationList = z.object({ items: z.array(NotificationView) });
export const UnreadCount = z.object({ unread: z.number().int().nonnegative() });
export const MarkNotificationReadCommand = z.object({ id: z.uuid() }).strict();
