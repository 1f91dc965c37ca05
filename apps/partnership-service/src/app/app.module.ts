import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { PartnershipEntity } from './partnership/entities/partnership.entity';
import { PartnershipModule } from './partnership/partnership.module';

export const PARTNERSHIP_ENTITIES = [PartnershipEntity];

@Module({})
export class PartnershipServiceModule {
  static register(config?: ServiceConfig): DynamicModule {
    return {
      module: PartnershipServiceModule,
      imports: [
        ServiceKitModule.forService({ service: 'partnership-service', schema: 'partnership', entities: PARTNERSHIP_ENTITIES, config }),
        PartnershipModule,
      ],
    };
  }
}
