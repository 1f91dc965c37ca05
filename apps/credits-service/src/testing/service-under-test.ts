// Test-only (excluded from the build): how other services' integration tests boot credits-service (@jcm/testing bootService).
import { defineServiceUnderTest } from '@jcm/testing';
import { CreditsServiceModule } from '../app/app.module';
import { CREDITS_MIGRATIONS } from '../migrations';

export const serviceUnderTest = defineServiceUnderTest({
  service: 'credits-service',
  schema: 'credits',
  migrations: CREDITS_MIGRATIONS,
  module: (config) => CreditsServiceModule.register(config),
});
