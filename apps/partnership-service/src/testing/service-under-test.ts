// Test-only (excluded from the build): how other services' integration tests boot partnership-service (@jcm/testing bootService).
import { defineServiceUnderTest } from '@jcm/testing';
import { PartnershipServiceModule } from '../app/app.module';
import { PARTNERSHIP_MIGRATIONS } from '../migrations';

export const serviceUnderTest = defineServiceUnderTest({
  service: 'partnership-service',
  schema: 'partnership',
  migrations: PARTNERSHIP_MIGRATIONS,
  module: (config) => PartnershipServiceModule.register(config),
});
