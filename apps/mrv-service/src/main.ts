import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { runServiceEntry } from '@jcm/service-kit';
import { MrvServiceModule } from './app/app.module';
import { MRV_MIGRATIONS } from './migrations';

runServiceEntry({
  service: 'mrv-service',
  schema: 'mrv',
  defaultHttpPort: 3103,
  migrations: MRV_MIGRATIONS,
  module: () => {
    @Module({ imports: [MrvServiceModule.register()] })
    class Root {}
    return Root;
  },
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
