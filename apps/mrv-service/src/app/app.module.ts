import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceKitModule } from '@jcm/service-kit';

/** MRV (monitoring, reporting, verification): methodologies, monitoring reports and issuance requests come next. */
@Module({})
export class MrvServiceModule {
  static register(config?: ServiceConfig): DynamicModule {
    return {
      module: MrvServiceModule,
      imports: [ServiceKitModule.forService({ service: 'mrv-service', schema: 'mrv', entities: [], config })],
    };
  }
}
