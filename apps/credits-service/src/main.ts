import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { runServiceEntry } from '@jcm/service-kit';
import { CreditsServiceModule } from './app/app.module';
import { CREDITS_MIGRATIONS } from './migrations';

runServiceEntry({
  service: 'credits-service',
  schema: 'credits',
  defaultHttpPort: 3104,
  migrations: CREDITS_MIGRATIONS,
  module: () => {
    @Module({ imports: [CreditsServiceModule.register()] })
    class Root {}
    return Root;
  },
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
