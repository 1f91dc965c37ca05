import { randomBytes, randomUUID } from 'crypto';
import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { connect } from 'nats';
import { MigrationInterface } from 'typeorm';
import { OrganisationType, RequestContext } from '@jcm/contracts';
import {
  ContextSigner,
  ContextVerifier,
  dbRoleFor,
  EventSigner,
  GATEWAY_PRINCIPAL,
  generatePlatformSecrets,
  importPrivateKey,
  migrateServiceSchema,
  natsAuthOptions,
  parseTrustedKeys,
  PlatformSecrets,
  PrefixedClientNats,
  PrefixedServerNats,
  ServiceConfig,
  ServiceSecurity,
  withRole,
} from '@jcm/service-kit';

export const TEST_NATS_URL = process.env['TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const ROLE_PASSWORD = 'jcm-test-role-password';

/** Stream and subject prefix of one test file, so its events never mix with another run's. */
export interface TestBus {
  /** JetStream stream of this test file. */
  stream: string;
  /** Event subject prefix (instead of `evt`). */
  prefix: string;
  /** Request/reply subject prefix, so concurrent test runs never answer each other's requests. */
  rpcPrefix: string;
}

export function testEventBus(): TestBus {
  const id = randomBytes(4).toString('hex');
  return { stream: `T_${id}`, prefix: `t${id}`, rpcPrefix: `rpc${id}.` };
}

let secrets: PlatformSecrets | undefined;
/** Signing keys of this test process (random per jest worker): the gateway's, and one per service. */
export function testSecrets(): PlatformSecrets {
  secrets ??= generatePlatformSecrets();
  return secrets;
}

/** The security part of a test ServiceConfig; `identity` is the gateway's schema, so it signs as the gateway. */
export function testSecurity(schema: string): ServiceSecurity {
  const s = testSecrets();
  const principal = schema === 'identity' ? GATEWAY_PRINCIPAL : schema;
  // A schema that is no process of its own (the gateway's file store) signs nothing.
  const own = s.processes[principal];
  return {
    signingKey: own ? importPrivateKey(own.signingKey) : null,
    trustedKeys: parseTrustedKeys(s.trustedKeys),
    // The shared test NATS server has no authorisation; the permission tests start their own (nats-auth.int-spec).
    nats: null,
  };
}

/** Signs caller contexts as the gateway does, so tests can call services directly over NATS. */
export function testContextSigner(): ContextSigner {
  return new ContextSigner(testSecurity('identity').signingKey as NonNullable<ServiceSecurity['signingKey']>);
}

/** Headers of an event as `producer`'s outbox relay signs it, for tests that publish events by hand. */
export function signedEventHeaders(producer: string, subject: string, eventId: string, body: Uint8Array) {
  const key = testSecurity(producer).signingKey as NonNullable<ServiceSecurity['signingKey']>;
  return new EventSigner(producer, key).headers(subject, eventId, body);
}

export function testServiceConfig(
  schema: string,
  databaseUrl: string,
  bus: TestBus,
  overrides: Partial<ServiceConfig> = {},
): ServiceConfig {
  const dbRole = dbRoleFor(schema);
  return {
    adminDatabaseUrl: databaseUrl,
    serviceDatabaseUrl: withRole(databaseUrl, dbRole, ROLE_PASSWORD),
    dbRole,
    dbRolePassword: ROLE_PASSWORD,
    schema,
    natsUrl: TEST_NATS_URL,
    eventsStream: bus.stream,
    eventsPrefix: bus.prefix,
    rpcTimeoutMs: 5000,
    outboxRelay: true,
    rpcPrefix: bus.rpcPrefix,
    security: testSecurity(schema),
    ...overrides,
  };
}

export function migrateForTest(config: ServiceConfig, migrations: (new () => MigrationInterface)[]) {
  return migrateServiceSchema({
    adminDatabaseUrl: config.adminDatabaseUrl,
    schema: config.schema,
    role: config.dbRole,
    rolePassword: config.dbRolePassword,
    migrations,
  });
}

/** Boots a service module as the real hybrid app (NATS queue group + HTTP on a random port). */
export async function startTestService(
  service: string,
  module: DynamicModule,
  bus: TestBus,
  /** The NATS server and credentials, when not the shared test server (the permission tests run their own). */
  nats: Pick<ServiceConfig, 'natsUrl' | 'security'> = {
    natsUrl: TEST_NATS_URL,
    security: testSecurity('identity'),
  },
): Promise<INestApplication> {
  @Module({ imports: [module] })
  class TestRoot {}
  const app = await NestFactory.create(TestRoot, { logger: ['error', 'warn'] });
  app.connectMicroservice<MicroserviceOptions>(
    {
      strategy: new PrefixedServerNats(
        { servers: [nats.natsUrl], queue: service, ...natsAuthOptions(nats.security) },
        bus.rpcPrefix,
        new ContextVerifier({ gatewayKey: nats.security.trustedKeys.get(GATEWAY_PRINCIPAL) ?? null }),
      ),
    },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  return app;
}

/** A client that signs like the gateway; pass `signer: null` for one that sends unsigned requests. */
export function testNatsClient(
  bus: TestBus,
  signer: ContextSigner | null = testContextSigner(),
): PrefixedClientNats {
  return new PrefixedClientNats({ servers: [TEST_NATS_URL] }, bus.rpcPrefix, signer);
}

export async function deleteTestStream(stream: string): Promise<void> {
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch(() => undefined);
  } finally {
    await nc.close();
  }
}

/** A caller as the gateway would describe it. */
export function ctxFor(
  orgId: string,
  orgType: OrganisationType,
  role: RequestContext['role'] = 'editor',
): RequestContext {
  return { userId: randomUUID(), orgId, orgType, role, correlationId: randomUUID() };
}

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
