import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FileStore, FileStoreDatabase, migrateFileStore } from '@jcm/file-store';
import { dbRoleFor, withRole } from '@jcm/service-kit';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { ServiceBus } from '../nats-client';
import { FileAccess } from './file-access';
import { FileAttachments } from './file-attachments';
import { FilesController } from './files.controller';

const FILES_DATA_SOURCE = 'JCM_FILES_DATA_SOURCE';

/** The file store's database: schema `files`, its own role `jcm_files` (RLS applies) and its own small pool. */
export function fileStoreDatabase(config: GatewayConfig): FileStoreDatabase {
  const s = config.service;
  const dbRole = dbRoleFor('files');
  return {
    adminDatabaseUrl: s.adminDatabaseUrl,
    dbRole,
    dbRolePassword: s.dbRolePassword,
    serviceDatabaseUrl: withRole(s.adminDatabaseUrl, dbRole, s.dbRolePassword),
  };
}

/**
 * The gateway's file routes and the FileAttachments helper other routes use to pass file references to services.
 * Its own pool, so 10 MB transfers never queue behind (or starve) sign-in and audit queries on the identity pool.
 * Migrates schema `files` on start unless JCM_SKIP_MIGRATIONS=1 (`migrateFileStore` for a separate migrate step).
 */
@Module({})
export class FilesModule implements OnApplicationShutdown {
  constructor(@Inject(FILES_DATA_SOURCE) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }

  static register(config: GatewayConfig): DynamicModule {
    const db = fileStoreDatabase(config);
    return {
      module: FilesModule,
      controllers: [FilesController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        ServiceBus,
        {
          provide: FILES_DATA_SOURCE,
          useFactory: async () => {
            if (process.env['JCM_SKIP_MIGRATIONS'] !== '1') await migrateFileStore(db);
            return new DataSource({
              type: 'postgres',
              url: db.serviceDatabaseUrl,
              schema: 'files',
              synchronize: false,
              extra: { max: 4 },
            }).initialize();
          },
        },
        {
          provide: FileStore,
          useFactory: (ds: DataSource) => new FileStore(ds),
          inject: [FILES_DATA_SOURCE],
        },
        FileAccess,
        FileAttachments,
      ],
      exports: [FileAttachments],
    };
  }
}
