import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { PartnershipProjectionEntity } from './partnership-projection/entities/partnership-projection.entity';
import { PartnershipProjectionModule } from './partnership-projection/partnership-projection.module';

@Module({})
export class GrantsServiceModule {
  static register(config?: ServiceConfig): DynamicModule {
    return {
      module: GrantsServiceModule,
      imports: [
        ServiceKitModule.forService({
          service: 'grants-service',
          schema: 'grants',
          entities: [PartnershipProjectionEntity],
          config,
        }),
        PartnershipProjectionModule,
      ],
    };
  }
}
