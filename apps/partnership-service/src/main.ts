import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { runServiceEntry } from '@jcm/service-kit';
import { PartnershipServiceModule } from './app/app.module';
import { PARTNERSHIP_MIGRATIONS } from './migrations';

runServiceEntry({
  service: 'partnership-service',
  schema: 'partnership',
  defaultHttpPort: 3101,
  migrations: PARTNERSHIP_MIGRATIONS,
  module: () => {
    @Module({ imports: [PartnershipServiceModule.register()] })
    class Root {}
    return Root;
  },
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
