import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { acceptUpload, FILES_MIGRATIONS, FileStore, migrateFileStore, samplePdf } from '@jcm/file-store';
import { revertAllMigrations } from '@jcm/service-kit';
import { createTestDatabase, queryAs, TestDatabase, testEventBus, testServiceConfig } from '@jcm/testing';

/** The store itself on the real PostgreSQL: migrations, RLS under its own role, and what the role may not do. */
describe('FileStore on schema files (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: FileStore;
  const config = () => testServiceConfig('files', db.url, testEventBus());
  const orgA = randomUUID();
  const orgB = randomUUID();

  const admin = async (sql: string, params: unknown[] = []) => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows;
    } finally {
      await c.end();
    }
  };
  const tables = async () =>
    (
      await admin(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'files' ORDER BY 1`)
    ).map((r) => r.table_name);
  const save = async (org: string, bytes = samplePdf(600 * 1024)) =>
    (
      await store.save(
        { orgId: org, userId: randomUUID() },
        await acceptUpload({
          use: 'letter',
          declaredType: 'application/pdf',
          fileNameHeader: 'letter.pdf',
          body: [bytes],
        }),
      )
    ).file;

  beforeAll(async () => {
    db = await createTestDatabase();
    const c = config();
    expect(await migrateFileStore(c)).toHaveLength(FILES_MIGRATIONS.length);
    ds = await new DataSource({ type: 'postgres', url: c.serviceDatabaseUrl, schema: 'files' }).initialize();
    store = new FileStore(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('migrates up, down and up again, with RLS forced on both tables', async () => {
    const c = config();
    const opts = {
      adminDatabaseUrl: db.url,
      schema: 'files',
      role: c.dbRole,
      rolePassword: c.dbRolePassword,
      migrations: FILES_MIGRATIONS,
    };
    expect(await tables()).toEqual(['file_chunk', 'migrations', 'stored_file']);
    await revertAllMigrations(opts);
    expect(await tables()).toEqual(['migrations']);
    expect(await migrateFileStore(c)).toHaveLength(FILES_MIGRATIONS.length);
    expect(await migrateFileStore(c)).toEqual([]);
    const forced = await admin(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'files' AND c.relkind = 'r' AND c.relrowsecurity AND c.relforcerowsecurity ORDER BY 1`);
    expect(forced.map((r) => r.relname)).toEqual(['file_chunk', 'stored_file']);
  });

  it('shows a file and its chunks to its uploader, to a holder of its grant, and to nobody else', async () => {
    const file = await save(orgA);
    const rows = (org: string, grant = '') =>
      queryAs(
        db.url,
        { role: 'jcm_files', orgId: org },
        `SELECT set_config('app.file_grant', $2, true),
        (SELECT count(*)::int FROM files.stored_file WHERE id = $1) AS files, (SELECT count(*)::int FROM files.file_chunk WHERE file_id = $1) AS chunks`,
        [file.id, grant],
      );
    expect((await rows(orgA))[0]).toMatchObject({ files: 1, chunks: 3 });
    expect((await rows(orgB))[0]).toMatchObject({ files: 0, chunks: 0 });
    expect((await rows(orgB, file.id))[0]).toMatchObject({ files: 1, chunks: 3 });
    expect((await rows(orgB, randomUUID()))[0]).toMatchObject({ files: 0, chunks: 0 });
    expect(await store.find({ orgId: orgB }, file.id)).toBeNull();
    expect(await store.readVerified({ orgId: orgB }, file.id)).toBeNull();
    expect((await store.readVerified({ orgId: orgB, grantFileId: file.id }, file.id))?.file.id).toBe(file.id);
  });

  it('never lets its role rewrite a chunk or the recorded hash, and keeps an attached file with its owner', async () => {
    const file = await save(orgA);
    await expect(
      queryAs(
        db.url,
        { role: 'jcm_files', orgId: orgA },
        `UPDATE files.file_chunk SET data = '\\x00' WHERE file_id = $1`,
        [file.id],
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      queryAs(
        db.url,
        { role: 'jcm_files', orgId: orgA },
        `UPDATE files.stored_file SET sha256 = repeat('0', 64) WHERE id = $1`,
        [file.id],
      ),
    ).rejects.toThrow(/never change/);
    const owner = { service: 'partnership', kind: 'interest-letter', id: randomUUID() } as const;
    await store.attach({ orgId: orgA }, file.id, owner);
    await expect(
      queryAs(
        db.url,
        { role: 'jcm_files', orgId: orgA },
        `UPDATE files.stored_file SET owner_id = gen_random_uuid() WHERE id = $1`,
        [file.id],
      ),
    ).rejects.toThrow(/keeps its owner/);
    // Another organisation cannot attach (or even see) it.
    await expect(store.attach({ orgId: orgB }, file.id, owner)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes uploads never attached, chunks included, and keeps attached ones', async () => {
    const abandoned = await save(orgB);
    const kept = await save(orgB);
    await store.attach({ orgId: orgB }, kept.id, {
      service: 'mrv',
      kind: 'monitoring-report',
      id: randomUUID(),
    });
    const untouched = await save(orgB);
    expect(await store.deleteUnattached(new Date(Date.parse(untouched.createdAt) - 60_000))).toBe(0);
    const removed = await store.deleteUnattached(new Date(Date.now() + 60_000));
    expect(removed).toBeGreaterThanOrEqual(2);
    const left = await admin(`SELECT id FROM files.stored_file WHERE id = ANY($1)`, [
      [abandoned.id, kept.id, untouched.id],
    ]);
    expect(left.map((r) => r.id)).toEqual([kept.id]);
    expect(
      await admin(`SELECT 1 FROM files.file_chunk WHERE file_id = ANY($1)`, [[abandoned.id, untouched.id]]),
    ).toEqual([]);
  });
});
