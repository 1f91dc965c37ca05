import { DynamicModule, Module } from '@nestjs/common';
import { Clock, ClockModule, ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { NotificationsModule } from './notifications/notifications.module';

@Module({})
export class NotificationServiceModule {
  static register(config?: ServiceConfig, clock?: Clock): DynamicModule {
    return {
      module: NotificationServiceModule,
      imports: [
        ServiceKitModule.forService({
          service: 'notification-service',
          schema: 'notification',
          entities: [],
          config,
        }),
        ClockModule.register(clock),
        NotificationsModule,
      ],
    };
  }
}
