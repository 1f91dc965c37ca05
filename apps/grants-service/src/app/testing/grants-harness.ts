import { randomUUID } from 'crypto';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { z } from 'zod';
import { DomainError, RequestContext } from '@jcm/contracts';
import { sendRpc, ServiceConfig } from '@jcm/service-kit';
import {
  createTestDatabase,
  ctxFor,
  deleteTestStream,
  migrateForTest,
  queryAs,
  startTestService,
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { GRANTS_MIGRATIONS } from '../../migrations';
import { GrantsServiceModule } from '../app.module';
import { INSIDE_WINDOW } from './grants-fixtures';

/** grants-service on a fresh database and stream, with a movable clock and the organisations of a JCM call. */
export class GrantsHarness {
  readonly org = {
    gec: randomUUID(),
    moe: randomUUID(),
    company: randomUUID(),
    thai: randomUUID(),
    consultant: randomUUID(),
    otherCompany: randomUUID(),
    kitakyushu: randomUUID(),
  };
  readonly as = {
    gec: ctxFor(this.org.gec, 'SECRETARIAT'),
    reviewer1: ctxFor(this.org.gec, 'SECRETARIAT'),
    reviewer2: ctxFor(this.org.gec, 'SECRETARIAT'),
    gecNotReviewer: ctxFor(this.org.gec, 'SECRETARIAT'),
    moe: ctxFor(this.org.moe, 'MOE'),
    company: ctxFor(this.org.company, 'COMPANY'),
    companyViewer: ctxFor(this.org.company, 'COMPANY', 'viewer'),
    thai: ctxFor(this.org.thai, 'COMPANY'),
    consultant: ctxFor(this.org.consultant, 'COMPANY'),
    otherCompany: ctxFor(this.org.otherCompany, 'COMPANY'),
    kitakyushu: ctxFor(this.org.kitakyushu, 'MUNICIPALITY'),
  };
  readonly bus = testEventBus();
  now = INSIDE_WINDOW;
  db!: TestDatabase;
  config!: ServiceConfig;
  app!: INestApplication;
  client!: ClientNats;

  async start(): Promise<this> {
    this.db = await createTestDatabase();
    this.config = testServiceConfig('grants', this.db.url, this.bus);
    await migrateForTest(this.config, GRANTS_MIGRATIONS);
    this.app = await startTestService(
      'grants-service',
      GrantsServiceModule.register(this.config, () => this.now),
      this.bus,
    );
    this.client = testNatsClient(this.bus);
    await this.client.connect();
    return this;
  }

  async stop(): Promise<void> {
    await this.client?.close();
    await this.app?.close();
    await deleteTestStream(this.bus.stream);
    await this.db?.drop();
  }

  call<S extends z.ZodTypeAny>(
    subject: string,
    ctx: RequestContext,
    data: unknown,
    schema: S,
  ): Promise<z.infer<S>> {
    return sendRpc(this.client, subject, ctx, data, schema);
  }

  /** The same caller with an Idempotency-Key. */
  keyed(ctx: RequestContext, key: string): RequestContext {
    return { ...ctx, idempotencyKey: key };
  }

  async refusal(subject: string, ctx: RequestContext, data: unknown): Promise<DomainError> {
    const result = await sendRpc(this.client, subject, ctx, data, z.unknown()).then(
      () => null,
      (e: DomainError) => e,
    );
    if (!result) throw new Error(`${subject} unexpectedly succeeded`);
    return result;
  }

  count(table: string): Promise<number> {
    return queryAs<{ n: number }>(this.db.url, {}, `SELECT count(*)::int AS n FROM grants.${table}`).then(
      (r) => r[0].n,
    );
  }

  outboxTypes(prefix: string): Promise<string[]> {
    return queryAs<{ event_type: string }>(
      this.db.url,
      {},
      `SELECT event_type FROM grants.outbox WHERE event_type LIKE $1 ORDER BY seq`,
      [`${prefix}%`],
    ).then((r) => r.map((x) => x.event_type));
  }
}
