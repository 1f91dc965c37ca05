import { DynamicModule, Module } from '@nestjs/common';
import { Clock, ClockModule, ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { DashboardModule } from './dashboard/dashboard.module';
import { ProjectionsModule } from './projections/projections.module';

export interface PortfolioServiceOptions {
  clock?: Clock;
  /** false: no durable consumers (replay into an empty schema). */
  consumers?: boolean;
}

@Module({})
export class PortfolioServiceModule {
  static register(config?: ServiceConfig, opts: PortfolioServiceOptions = {}): DynamicModule {
    return {
      module: PortfolioServiceModule,
      imports: [
        ServiceKitModule.forService({
          service: 'portfolio-service',
          schema: 'portfolio',
          entities: [],
          config,
        }),
        ClockModule.register(opts.clock),
        ProjectionsModule.register(opts.consumers ?? true),
        DashboardModule,
      ],
    };
  }
}
