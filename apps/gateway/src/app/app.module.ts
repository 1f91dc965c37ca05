import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@jcm/service-kit';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { GATEWAY_CONFIG, GatewayConfig, loadGatewayConfig } from './config/gateway-config';
import { DemoSeeder } from './demo/demo-seeder';
import { buildOpenApi } from './docs/openapi';
import { FILE_ROUTES } from './files/file-route-docs';
import { FilesModule } from './files/files.module';
import { DomainErrorFilter } from './http/domain-error.filter';
import { IdentityRepository } from './identity/identity.repository';
import { ServiceBus } from './nats-client';
import { GATEWAY_CONTROLLERS, GATEWAY_ROUTES } from './routes/gateway-routes';
import { GatewayServices, OPENAPI_DOCUMENT } from './routes/gateway-services';

/**
 * The HTTP edge: authenticates, validates, and forwards to the services over NATS with the caller's context. Its
 * controllers are built from the route tables (routes/gateway-routes.ts), which also give the OpenAPI document.
 */
@Module({})
export class GatewayModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }

  static register(config: GatewayConfig = loadGatewayConfig()) {
    return {
      module: GatewayModule,
      imports: [FilesModule.register(config)],
      controllers: GATEWAY_CONTROLLERS,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: OPENAPI_DOCUMENT, useValue: buildOpenApi([...GATEWAY_ROUTES, ...FILE_ROUTES.routes]) },
        {
          provide: DATA_SOURCE,
          useFactory: () =>
            new DataSource({
              type: 'postgres',
              url: config.service.serviceDatabaseUrl,
              schema: 'identity',
              synchronize: false,
              extra: { max: 10 },
            }).initialize(),
        },
        IdentityRepository,
        AuthService,
        ServiceBus,
        GatewayServices,
        DemoSeeder,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
