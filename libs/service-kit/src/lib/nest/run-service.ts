import { Logger, Type } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';
import { loadServiceConfig } from '../config/service-config';
import { migrateServiceSchema } from '../persistence/migrate';
import { bootstrapService } from './bootstrap-service';

export interface ServiceEntry {
  service: string;
  schema: string;
  defaultHttpPort: number;
  migrations: (new () => MigrationInterface)[];
  /** Builds the root module; called after migrations so the module may rely on the schema. */
  module: () => Type<unknown>;
}

/**
 * The `main.ts` of every service: `migrate` runs the schema migrations and exits (the `db-migrate` target);
 * otherwise the service migrates (idempotent, unless JCM_SKIP_MIGRATIONS=1) and starts.
 */
export async function runServiceEntry(entry: ServiceEntry, argv = process.argv.slice(2)): Promise<void> {
  const logger = new Logger(entry.service);
  const config = loadServiceConfig(entry.schema);
  const migrate = () =>
    migrateServiceSchema({
      adminDatabaseUrl: config.adminDatabaseUrl,
      schema: entry.schema,
      role: config.dbRole,
      rolePassword: config.dbRolePassword,
      migrations: entry.migrations,
    });
  if (argv[0] === 'migrate') {
    const ran = await migrate();
    logger.log(ran.length ? `migrated: ${ran.join(', ')}` : 'schema up to date');
    return;
  }
  if (process.env['JCM_SKIP_MIGRATIONS'] !== '1') await migrate();
  const port = Number(process.env[`${entry.schema.toUpperCase()}_HTTP_PORT`] ?? entry.defaultHttpPort);
  await bootstrapService({ service: entry.service, module: entry.module(), natsUrl: config.natsUrl, httpPort: port, rpcPrefix: config.rpcPrefix, security: config.security });
}
