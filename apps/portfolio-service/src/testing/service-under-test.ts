// Test-only (excluded from the build): how other services' integration tests boot portfolio-service (@jcm/testing bootService).
import { defineServiceUnderTest } from '@jcm/testing';
import { PortfolioServiceModule } from '../app/app.module';
import { PORTFOLIO_MIGRATIONS } from '../migrations';

export const serviceUnderTest = defineServiceUnderTest({
  service: 'portfolio-service',
  schema: 'portfolio',
  migrations: PORTFOLIO_MIGRATIONS,
  module: (config) => PortfolioServiceModule.register(config),
});
