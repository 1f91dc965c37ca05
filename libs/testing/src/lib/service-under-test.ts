import path from 'path';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';
import { ServiceConfig } from '@jcm/service-kit';
import { TestDatabase } from './test-database';
import { migrateForTest, startTestService, TestBus, testServiceConfig } from './test-services';

/**
 * What a service offers to other services' integration tests: each service states it once, in its own
 * `apps/<service>/src/testing/service-under-test.ts` (`export const serviceUnderTest = defineServiceUnderTest(…)`).
 * A cross-service test then boots it by name through {@link bootService}, so no app imports another app's modules
 * and no module-boundary rule has to be switched off.
 */
export interface ServiceUnderTest {
  /** The NATS queue group and process name, e.g. `credits-service`. */
  service: TestableService;
  /** Its PostgreSQL schema (and, through it, its own database role). */
  schema: string;
  migrations: (new () => MigrationInterface)[];
  module(config: ServiceConfig): DynamicModule;
}

/** The services another service's tests may boot (each has `src/testing/service-under-test.ts`). */
export type TestableService = 'partnership-service' | 'credits-service' | 'grants-service' | 'mrv-service';

export function defineServiceUnderTest(definition: ServiceUnderTest): ServiceUnderTest {
  return definition;
}

export interface BootedService {
  app: INestApplication;
  config: ServiceConfig;
}

const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Loads a service's test definition by the naming convention above (lazily: only the services a test boots). */
export async function loadServiceUnderTest(service: TestableService): Promise<ServiceUnderTest> {
  const file = path.join(WORKSPACE_ROOT, 'apps', service, 'src', 'testing', 'service-under-test');
  const hint = `${file}.ts must export serviceUnderTest = defineServiceUnderTest({ service: '${service}', … })`;
  let loaded: { serviceUnderTest?: ServiceUnderTest };
  try {
    loaded = await import(file);
  } catch (err) {
    throw new Error(`${hint}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const definition = loaded.serviceUnderTest;
  if (!definition || definition.service !== service) {
    throw new Error(
      `${file}.ts must export serviceUnderTest = defineServiceUnderTest({ service: '${service}', … })`,
    );
  }
  return definition;
}

/**
 * Boots another service in-process as the real hybrid app: migrates its schema on `db` and starts it on `bus`
 * (the test's own stream and prefixes). `overrides` changes its config, e.g. `{ outboxRelay: false }` to drive the
 * relay by hand.
 */
export async function bootService(
  service: TestableService,
  db: TestDatabase,
  bus: TestBus,
  overrides: Partial<ServiceConfig> = {},
): Promise<BootedService> {
  const definition = await loadServiceUnderTest(service);
  const config = testServiceConfig(definition.schema, db.url, bus, overrides);
  await migrateForTest(config, definition.migrations);
  const app = await startTestService(definition.service, definition.module(config), bus);
  return { app, config };
}
