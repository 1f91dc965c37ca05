// Test-only (excluded from the build): how other services' integration tests boot notification-service (@jcm/testing bootService).
import { defineServiceUnderTest } from '@jcm/testing';
import { NotificationServiceModule } from '../app/app.module';
import { NOTIFICATION_MIGRATIONS } from '../migrations';

export const serviceUnderTest = defineServiceUnderTest({
  service: 'notification-service',
  schema: 'notification',
  migrations: NOTIFICATION_MIGRATIONS,
  module: (config) => NotificationServiceModule.register(config),
});
