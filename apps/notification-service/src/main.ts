import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { runServiceEntry } from '@jcm/service-kit';
import { NotificationServiceModule } from './app/app.module';
import { NOTIFICATION_MIGRATIONS } from './migrations';

runServiceEntry({
  service: 'notification-service',
  schema: 'notification',
  defaultHttpPort: 3106,
  migrations: NOTIFICATION_MIGRATIONS,
  module: () => {
    @Module({ imports: [NotificationServiceModule.register()] })
    class Root {}
    return Root;
  },
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
