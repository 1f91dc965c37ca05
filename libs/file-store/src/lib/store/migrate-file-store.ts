import { Client } from 'pg';
import { migrateServiceSchema, ServiceConfig } from '@jcm/service-kit';
import { FILES_MIGRATIONS } from '../../migrations';

/**
 * Migrates schema `files` and its role. The role may read and add chunks but never rewrite one: a body changes only
 * by a new upload, so a wrong byte on disk is corruption (caught by the SHA-256 check), never an update.
 */
export async function migrateFileStore(config: FileStoreDatabase): Promise<string[]> {
  const ran = await migrateServiceSchema({
    adminDatabaseUrl: config.adminDatabaseUrl,
    schema: 'files',
    role: config.dbRole,
    rolePassword: config.dbRolePassword,
    migrations: FILES_MIGRATIONS,
  });
  const admin = new Client({ connectionString: config.adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`REVOKE UPDATE ON files.file_chunk FROM ${config.dbRole}`);
  } finally {
    await admin.end();
  }
  return ran;
}

/** Where the store lives: the admin URL (migrations) and the store's own role (`jcm_files`, RLS applies). */
export type FileStoreDatabase = Pick<
  ServiceConfig,
  'adminDatabaseUrl' | 'serviceDatabaseUrl' | 'dbRole' | 'dbRolePassword'
>;
