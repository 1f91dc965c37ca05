import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect } from 'nats';
import { DataSource } from 'typeorm';
import {
  DATA_SOURCE,
  EventVerifier,
  loadServiceConfig,
  migrateServiceSchema,
  natsAuthOptions,
  ServiceEntry,
} from '@jcm/service-kit';
import { PortfolioServiceModule } from '../app.module';
import { replayProjections } from './replay';

/** The `replay` command: migrates, boots the module without consumers, rebuilds from the stream and exits. */
export async function runReplayCommand(entry: ServiceEntry): Promise<void> {
  const config = loadServiceConfig(entry.schema);
  await migrateServiceSchema({
    adminDatabaseUrl: config.adminDatabaseUrl,
    schema: entry.schema,
    role: config.dbRole,
    rolePassword: config.dbRolePassword,
    migrations: entry.migrations,
  });
  const app = await NestFactory.createApplicationContext(
    PortfolioServiceModule.register({ ...config, outboxRelay: false }, { consumers: false }),
    { logger: ['log', 'warn', 'error'] },
  );
  const nc = await connect({
    servers: config.natsUrl,
    name: 'portfolio-replay',
    ...natsAuthOptions(config.security),
  });
  try {
    const applied = await replayProjections({
      dataSource: app.get<DataSource>(DATA_SOURCE),
      js: nc.jetstream(),
      jsm: await nc.jetstreamManager(),
      stream: config.eventsStream,
      prefix: config.eventsPrefix,
      service: entry.service,
      verifier: new EventVerifier(config.security.trustedKeys),
    });
    new Logger('portfolio-replay').log(`replayed: ${JSON.stringify(applied)}`);
  } finally {
    await nc.drain();
    await app.close();
  }
}
