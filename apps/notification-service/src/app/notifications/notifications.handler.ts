import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { ListNotificationsQuery, MarkNotificationReadCommand, NOTIFICATION_RPC } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { NotificationsService } from './notifications.service';

@Controller()
export class NotificationsHandler {
  constructor(private readonly notifications: NotificationsService) {}

  @MessagePattern(NOTIFICATION_RPC.notification.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListNotificationsQuery, (ctx, q) =>
      this.notifications.list(ctx, q.unreadOnly ?? false),
    );
  }

  @MessagePattern(NOTIFICATION_RPC.notification.unreadCount)
  unreadCount(@Payload() raw: unknown) {
    return handleRpc(raw, z.object({}), (ctx) => this.notifications.unreadCount(ctx));
  }

  @MessagePattern(NOTIFICATION_RPC.notification.markRead)
  markRead(@Payload() raw: unknown) {
    return handleRpc(raw, MarkNotificationReadCommand, (ctx, c) => this.notifications.markRead(ctx, c.id));
  }
}
