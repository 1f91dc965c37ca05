// Test-only (excluded from the build): how other services' integration tests boot mrv-service (@jcm/testing bootService).
import { defineServiceUnderTest } from '@jcm/testing';
import { MrvServiceModule } from '../app/app.module';
import { MRV_MIGRATIONS } from '../migrations';

export const serviceUnderTest = defineServiceUnderTest({
  service: 'mrv-service',
  schema: 'mrv',
  migrations: MRV_MIGRATIONS,
  module: (config) => MrvServiceModule.register(config),
});
