import { randomBytes } from 'crypto';
import { Client } from 'pg';

/** The real PostgreSQL the integration tests use (CI and dev machines run one on 127.0.0.1:5432). */
export const TEST_ADMIN_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database per test file, so tests never see each other's rows; dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `jcm_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `sql` on `url` as `role` inside a transaction with the given tenant settings (for raw RLS checks). */
export async function queryAs<T = Record<string, unknown>>(
  url: string,
  setup: { role?: string; orgId?: string; orgType?: string },
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    if (setup.role) await client.query(`SET LOCAL ROLE ${setup.role}`);
    await client.query(`SELECT set_config('app.org_id', $1, true), set_config('app.org_type', $2, true)`, [
      setup.orgId ?? '',
      setup.orgType ?? '',
    ]);
    const { rows } = await client.query(sql, params);
    await client.query('ROLLBACK');
    return rows as T[];
  } finally {
    await client.end();
  }
}
