import { revertAllMigrations } from '@jcm/service-kit';
import {
  createTestDatabase,
  migrateForTest,
  queryAs,
  TestDatabase,
  testEventBus,
  testServiceConfig,
} from '@jcm/testing';
import { CREDITS_MIGRATIONS } from '.';

describe('credits migrations (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(() => db?.drop());

  const tables = () =>
    queryAs<{ table_name: string }>(
      db.url,
      {},
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'credits' ORDER BY table_name`,
    ).then((rows) => rows.map((r) => r.table_name));

  it('migrates up, down and up again, with RLS forced on every tenant table', async () => {
    const config = testServiceConfig('credits', db.url, testEventBus());
    const opts = {
      adminDatabaseUrl: db.url,
      schema: 'credits',
      role: config.dbRole,
      rolePassword: config.dbRolePassword,
      migrations: CREDITS_MIGRATIONS,
    };
    expect(await migrateForTest(config, CREDITS_MIGRATIONS)).toHaveLength(CREDITS_MIGRATIONS.length);
    const expected = [
      'account',
      'aggregate_sequence',
      'article6_action',
      'consumer_position',
      'credit_block',
      'idempotency_record',
      'issuance',
      'journal_entry',
      'journal_head',
      'migrations',
      'outbox',
      'pending_issuance',
      'processed_event',
      'project',
      'registry',
      'retirement',
    ];
    expect(await tables()).toEqual(expected);
    await revertAllMigrations(opts);
    expect(await tables()).toEqual(['migrations']);
    expect(await migrateForTest(config, CREDITS_MIGRATIONS)).toHaveLength(CREDITS_MIGRATIONS.length);
    expect(await tables()).toEqual(expected);
    const forced = await queryAs<{ relname: string }>(
      db.url,
      {},
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'credits' AND c.relrowsecurity AND c.relforcerowsecurity ORDER BY c.relname`,
    );
    expect(forced.map((r) => r.relname)).toEqual([
      'account',
      'article6_action',
      'credit_block',
      'idempotency_record',
      'journal_entry',
      'pending_issuance',
      'retirement',
    ]);
  });
});
