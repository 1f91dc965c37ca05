import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@jcm/service-kit';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { CalculatorsController } from './calculators/calculators.controller';
import { CreditsController } from './credits/credits.controller';
import { GATEWAY_CONFIG, GatewayConfig, loadGatewayConfig } from './config/gateway-config';
import { DemoSeeder } from './demo/demo-seeder';
import { DocsController, GATEWAY_ROUTES } from './docs/docs.controller';
import { listRoutes } from './docs/openapi';
import { HealthController } from './health/health.controller';
import { DomainErrorFilter } from './http/domain-error.filter';
import { IdentityRepository } from './identity/identity.repository';
import { MrvController } from './mrv/mrv.controller';
import { ServiceBus } from './nats-client';
import { OrganisationsController } from './organisations/organisations.controller';
import { PartnershipsController } from './partnerships/partnerships.controller';
import { PROGRAMME_CONTROLLERS } from './programme';

/** Every `/api/v1` controller; the OpenAPI document lists their routes from their decorators. */
const API_CONTROLLERS = [AuthController, CalculatorsController, CreditsController, HealthController, MrvController, OrganisationsController, PartnershipsController, ...PROGRAMME_CONTROLLERS];

/** The HTTP edge: authenticates, validates, and forwards to the services over NATS with the caller's context. */
@Module({})
export class GatewayModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }

  static register(config: GatewayConfig = loadGatewayConfig()) {
    return {
      module: GatewayModule,
      controllers: [...API_CONTROLLERS, DocsController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: GATEWAY_ROUTES, useValue: listRoutes(API_CONTROLLERS) },
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
        DemoSeeder,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
