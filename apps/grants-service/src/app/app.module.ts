import { DynamicModule, Module } from '@nestjs/common';
import { Clock, ClockModule, ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { ApplicationModule } from './application/application.module';
import { GrantCallModule } from './call/call.module';
import { JcmLeadProjectionModule } from './jcm-lead/jcm-lead.module';
import { PartnershipProjectionEntity } from './partnership-projection/entities/partnership-projection.entity';
import { PartnershipProjectionModule } from './partnership-projection/partnership-projection.module';

@Module({})
export class GrantsServiceModule {
  /** `clock` pins the service's "now" (tests: the call window, delegation end dates). */
  static register(config?: ServiceConfig, clock?: Clock | (() => Date)): DynamicModule {
    return {
      module: GrantsServiceModule,
      imports: [
        ServiceKitModule.forService({
          service: 'grants-service',
          schema: 'grants',
          entities: [PartnershipProjectionEntity],
          config,
        }),
        ClockModule.register(typeof clock === 'function' ? { now: clock } : clock),
        PartnershipProjectionModule,
        GrantCallModule,
        ApplicationModule,
        JcmLeadProjectionModule,
      ],
    };
  }
}
