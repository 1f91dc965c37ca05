import { Module } from '@nestjs/common';
import { NotificationsHandler } from './notifications.handler';
import { NotificationsService } from './notifications.service';

@Module({ controllers: [NotificationsHandler], providers: [NotificationsService] })
export class NotificationsModule {}
