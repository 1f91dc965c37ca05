import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { runServiceEntry } from '@jcm/service-kit';
import { PortfolioServiceModule } from './app/app.module';
import { runReplayCommand } from './app/projections/replay-command';
import { PORTFOLIO_MIGRATIONS } from './migrations';

const entry = {
  service: 'portfolio-service',
  schema: 'portfolio',
  defaultHttpPort: 3105,
  migrations: PORTFOLIO_MIGRATIONS,
  module: () => {
    @Module({ imports: [PortfolioServiceModule.register()] })
    class Root {}
    return Root;
  },
};

// `main.js replay`: rebuild every projection from the whole stream (service stopped), then exit.
(process.argv[2] === 'replay' ? runReplayCommand(entry) : runServiceEntry(entry)).catch((err) => {
  console.error(err);
  process.exit(1);
});
