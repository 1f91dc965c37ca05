import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { runServiceEntry } from '@jcm/service-kit';
import { GrantsServiceModule } from './app/app.module';
import { GRANTS_MIGRATIONS } from './migrations';

runServiceEntry({
  service: 'grants-service',
  schema: 'grants',
  defaultHttpPort: 3102,
  migrations: GRANTS_MIGRATIONS,
  module: () => {
    @Module({ imports: [GrantsServiceModule.register()] })
    class Root {}
    return Root;
  },
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
