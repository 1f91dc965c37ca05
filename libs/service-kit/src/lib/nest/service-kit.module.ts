import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntitySchema } from 'typeorm';
import { loadServiceConfig, ServiceConfig } from '../config/service-config';
import { healthControllerFor } from './health';
import { MessagingRuntime } from './messaging-runtime';
import { DATA_SOURCE, SERVICE_CONFIG, SERVICE_NAME } from './tokens';

export interface ServiceKitOptions {
  service: string;
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: (Function | EntitySchema)[];
  config?: ServiceConfig;
}

@Global()
@Module({})
export class ServiceKitModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  static forService(opts: ServiceKitOptions): DynamicModule {
    const config = opts.config ?? loadServiceConfig(opts.schema);
    return {
      module: ServiceKitModule,
      controllers: [healthControllerFor(opts.service)],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: opts.service },
        {
          provide: DATA_SOURCE,
          // Connects as the service's own role: no superuser, no BYPASSRLS, so RLS policies bind every query.
          useFactory: () =>
            new DataSource({
              type: 'postgres',
              url: config.serviceDatabaseUrl,
              schema: config.schema,
              entities: opts.entities,
              synchronize: false,
              logging: false,
              extra: { max: 10 },
            }).initialize(),
        },
        MessagingRuntime,
      ],
      exports: [SERVICE_CONFIG, SERVICE_NAME, DATA_SOURCE, MessagingRuntime],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
