// Test-only (excluded from the build): how other services' integration tests boot grants-service (@jcm/testing bootService).
import { defineServiceUnderTest } from '@jcm/testing';
import { GrantsServiceModule } from '../app/app.module';
import { GRANTS_MIGRATIONS } from '../migrations';

export const serviceUnderTest = defineServiceUnderTest({
  service: 'grants-service',
  schema: 'grants',
  migrations: GRANTS_MIGRATIONS,
  module: (config) => GrantsServiceModule.register(config),
});
