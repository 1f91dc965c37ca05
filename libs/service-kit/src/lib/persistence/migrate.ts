import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';
import { grantServiceRoleSql } from './tenant-sql';

export interface MigrateOptions {
  adminDatabaseUrl: string;
  schema: string;
  role: string;
  rolePassword: string;
  migrations: (new () => MigrationInterface)[];
}

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';

/**
 * Creates the service's login role (no superuser, no BYPASSRLS, so RLS binds it) and schema, runs the TypeORM
 * migrations as the admin, then grants the role DML. Idempotent: every start may call it.
 */
export async function migrateServiceSchema(opts: MigrateOptions): Promise<string[]> {
  // Services start together and share one database: roles, extensions (CREATE EXTENSION IF NOT EXISTS races) and
  // grants are database-wide, so migrations take turns under one advisory lock.
  const lock = new Client({ connectionString: opts.adminDatabaseUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await migrateUnderLock(opts);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/** Arbitrary constant naming the platform's migration lock. */
const MIGRATION_LOCK_KEY = 7_340_201;

async function migrateUnderLock(opts: MigrateOptions): Promise<string[]> {
  await ensureRoleAndSchema(opts);
  const ds = new DataSource({
    type: 'postgres',
    url: opts.adminDatabaseUrl,
    schema: opts.schema,
    migrations: opts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    logging: false,
  });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations();
    await ds.query(grantServiceRoleSql(opts.schema, opts.role));
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Reverts every migration of the schema (down), newest first: used by the up-down-up migration tests. */
export async function revertAllMigrations(opts: MigrateOptions): Promise<void> {
  const ds = new DataSource({
    type: 'postgres',
    url: opts.adminDatabaseUrl,
    schema: opts.schema,
    migrations: opts.migrations,
    migrationsTableName: 'migrations',
  });
  await ds.initialize();
  try {
    for (let i = 0; i < opts.migrations.length; i++) await ds.undoLastMigration();
  } finally {
    await ds.destroy();
  }
}

async function ensureRoleAndSchema(opts: MigrateOptions): Promise<void> {
  const client = new Client({ connectionString: opts.adminDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [opts.role]);
    if (rows.length === 0) {
      try {
        await client.query(
          `CREATE ROLE ${opts.role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${escapeLiteral(opts.rolePassword)}'`,
        );
      } catch (err) {
        // Another service or test created it first: fine, roles are cluster-wide.
        if (!isPgError(err, DUPLICATE_OBJECT) && !isPgError(err, UNIQUE_VIOLATION)) throw err;
      }
    } else {
      await client.query(
        `ALTER ROLE ${opts.role} NOSUPERUSER NOBYPASSRLS PASSWORD '${escapeLiteral(opts.rolePassword)}'`,
      );
    }
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    } catch (err) {
      if (!isPgError(err, UNIQUE_VIOLATION)) throw err;
    }
  } finally {
    await client.end();
  }
}

function escapeLiteral(value: string): string {
  return value.replace(/'/g, "''");
}

export function isPgError(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}
