import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { revertAllMigrations } from '@jcm/service-kit';
import {
  createTestDatabase,
  deleteTestStream,
  migrateForTest,
  queryAs,
  startTestService,
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { MRV_MIGRATIONS } from '../migrations';
import { MrvServiceModule } from './app.module';

describe('mrv-service on real PostgreSQL and NATS', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let client: ClientNats;
  const bus = testEventBus();
  const config = () => testServiceConfig('mrv', db.url, bus);

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
    await deleteTestStream(bus.stream);
    await db?.drop();
  });

  it('migrates up, down and up again', async () => {
    const opts = { ...config(), migrations: MRV_MIGRATIONS };
    await migrateForTest(config(), MRV_MIGRATIONS);
    await revertAllMigrations({ ...opts, role: opts.dbRole, rolePassword: opts.dbRolePassword });
    expect(await queryAs(db.url, {}, "SELECT to_regclass('mrv.outbox') AS t")).toEqual([{ t: null }]);
    await migrateForTest(config(), MRV_MIGRATIONS);
    expect(await queryAs(db.url, {}, "SELECT to_regclass('mrv.outbox')::text AS t")).toEqual([
      { t: 'mrv.outbox' },
    ]);
  });

  it('answers its health check over NATS with PostgreSQL, NATS and JetStream up', async () => {
    app = await startTestService('mrv-service', MrvServiceModule.register(config()), bus);
    client = testNatsClient(bus);
    const health = await firstValueFrom(client.send('mrv-service.health.check', {}).pipe(timeout(5000)));
    expect(health).toEqual({
      service: 'mrv-service',
      status: 'ok',
      postgres: 'up',
      nats: 'up',
      jetstream: 'up',
      draining: false,
    });
  });
});
