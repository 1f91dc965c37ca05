import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { z } from 'zod';
import { AccountView, CREDITS_RPC, ProjectView, RegistryView, RequestContext } from '@jcm/contracts';
import { sendRpc, ServiceConfig } from '@jcm/service-kit';
import {
  createTestDatabase,
  ctxFor,
  deleteTestStream,
  migrateForTest,
  startTestService,
  TestBus,
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { CreditsServiceModule } from '../app/app.module';
import { CREDITS_MIGRATIONS } from '../migrations';

/** Test-only (excluded from the build): the credits service on a fresh database, with Japan's registry seeded. */
export interface CreditsWorld {
  db: TestDatabase;
  config: ServiceConfig;
  bus: TestBus;
  app: INestApplication;
  client: ClientNats;
  call<S extends z.ZodTypeAny>(
    subject: string,
    ctx: RequestContext,
    data: unknown,
    schema: S,
    timeoutMs?: number,
  ): Promise<z.infer<S>>;
  org: { moe: string; companyA: string; companyB: string; outsider: string };
  ctx: { moe: RequestContext; companyA: RequestContext; companyB: RequestContext; outsider: RequestContext };
  accounts: { government: AccountView; companyA: AccountView; companyB: AccountView; outsider: AccountView };
  project: ProjectView;
}

export async function startCreditsWorld(): Promise<CreditsWorld> {
  const db = await createTestDatabase();
  const bus = testEventBus();
  const config = testServiceConfig('credits', db.url, bus);
  await migrateForTest(config, CREDITS_MIGRATIONS);
  const app = await startTestService('credits-service', CreditsServiceModule.register(config), bus);
  const client = testNatsClient(bus);
  await client.connect();
  const call: CreditsWorld['call'] = (subject, ctx, data, schema, timeoutMs = 10_000) =>
    sendRpc(client, subject, ctx, data, schema, timeoutMs);

  const org = { moe: randomUUID(), companyA: randomUUID(), companyB: randomUUID(), outsider: randomUUID() };
  const ctx = {
    moe: ctxFor(org.moe, 'MOE'),
    companyA: ctxFor(org.companyA, 'COMPANY'),
    companyB: ctxFor(org.companyB, 'COMPANY'),
    outsider: ctxFor(org.outsider, 'COMPANY'),
  };
  await call(
    CREDITS_RPC.registry.create,
    ctx.moe,
    { code: 'JP', nameEn: 'JCM Registry (Japan)', nameJa: 'JCM登録簿（日本）', managerOrgId: org.moe },
    RegistryView,
  );
  const open = (type: 'GOVERNMENT_HOLDING' | 'ENTITY_HOLDING', ownerOrgId: string, holderName: string) =>
    call(CREDITS_RPC.account.open, ctx.moe, { registry: 'JP', type, ownerOrgId, holderName }, AccountView);
  const accounts = {
    government: await open('GOVERNMENT_HOLDING', org.moe, 'Government of Japan'),
    companyA: await open('ENTITY_HOLDING', org.companyA, 'Ulaanbaatar Solar Consortium KK'),
    companyB: await open('ENTITY_HOLDING', org.companyB, 'Mongolia Heat Partners LLC'),
    outsider: await open('ENTITY_HOLDING', org.outsider, 'Unrelated Trading Co.'),
  };
  const project = await call(
    CREDITS_RPC.project.register,
    ctx.moe,
    {
      reference: 'MN001',
      partnerCountry: 'MN',
      titleEn: '10MW Solar Power Project in Darkhan City',
      titleJa: 'ダルハン市における10MW太陽光発電プロジェクト',
      methodology: 'MN_AM003',
      participantOrgIds: [org.companyA, org.companyB],
      subsidised: true,
      governmentShare: '0.5',
    },
    ProjectView,
  );
  return { db, config, bus, app, client, call, org, ctx, accounts, project };
}

export async function stopCreditsWorld(w: CreditsWorld | undefined): Promise<void> {
  await w?.client.close();
  await w?.app.close();
  if (w) await deleteTestStream(w.bus.stream);
  await w?.db.drop();
}

/** A valid issuance command for the seeded project; override what a test cares about. */
export function issuanceFor(w: CreditsWorld, overrides: Record<string, unknown> = {}) {
  return {
    projectId: w.project.id,
    registry: 'JP',
    monitoringPeriod: { start: '2023-01-01', end: '2023-12-31' },
    jointCommitteeDecisionRef: 'JC-MN-2024-07',
    vintage: 2023,
    quantity: '10000',
    participantAllocations: [{ accountId: w.accounts.companyA.id }],
    ...overrides,
  };
}

export function withKey(ctx: RequestContext, idempotencyKey: string): RequestContext {
  return { ...ctx, idempotencyKey, correlationId: randomUUID() };
}
