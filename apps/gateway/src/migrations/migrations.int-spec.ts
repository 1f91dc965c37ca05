import { revertAllMigrations } from '@jcm/service-kit';
import {
  createTestDatabase,
  migrateForTest,
  queryAs,
  TestDatabase,
  testEventBus,
  testServiceConfig,
} from '@jcm/testing';
import { IDENTITY_MIGRATIONS } from '.';

describe('identity migrations (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(() => db?.drop());

  const tables = () =>
    queryAs<{ table_name: string }>(
      db.url,
      {},
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'identity' ORDER BY table_name`,
    ).then((rows) => rows.map((r) => r.table_name));

  it('migrates up, down and up again, the login throttle included', async () => {
    const config = testServiceConfig('identity', db.url, testEventBus());
    const opts = {
      adminDatabaseUrl: db.url,
      schema: 'identity',
      role: config.dbRole,
      rolePassword: config.dbRolePassword,
      migrations: IDENTITY_MIGRATIONS,
    };
    const expected = ['app_user', 'audit_log', 'login_throttle', 'membership', 'migrations', 'organisation'];
    expect(await migrateForTest(config, IDENTITY_MIGRATIONS)).toHaveLength(IDENTITY_MIGRATIONS.length);
    expect(await tables()).toEqual(expected);
    await revertAllMigrations(opts);
    expect(await tables()).toEqual(['migrations']);
    expect(await migrateForTest(config, IDENTITY_MIGRATIONS)).toHaveLength(IDENTITY_MIGRATIONS.length);
    expect(await tables()).toEqual(expected);
  });
});
