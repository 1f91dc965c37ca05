import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { AccountEntity } from './account/entities/account.entity';
import { CreditBlockEntity } from './block/entities/credit-block.entity';
import { CreditsModule } from './credits.module';
import { ProjectEntity } from './project/entities/project.entity';
import { RegistryEntity } from './registry/entities/registry.entity';

export const CREDITS_ENTITIES = [RegistryEntity, AccountEntity, ProjectEntity, CreditBlockEntity];

@Module({})
export class CreditsServiceModule {
  static register(config?: ServiceConfig): DynamicModule {
    return {
      module: CreditsServiceModule,
      imports: [
        ServiceKitModule.forService({
          service: 'credits-service',
          schema: 'credits',
          entities: CREDITS_ENTITIES,
          config,
        }),
        CreditsModule,
      ],
    };
  }
}
