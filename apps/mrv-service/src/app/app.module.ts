import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { MonitoringReportHandler } from './monitoring-report/monitoring-report.handler';
import { MonitoringReportService } from './monitoring-report/monitoring-report.service';

/** Monitoring reports and their TPE verification; methodologies, project registration and plans come next. */
@Module({ controllers: [MonitoringReportHandler], providers: [MonitoringReportService] })
class MonitoringReportModule {}

/** MRV (monitoring, reporting, verification). */
@Module({})
export class MrvServiceModule {
  static register(config?: ServiceConfig): DynamicModule {
    return {
      module: MrvServiceModule,
      imports: [ServiceKitModule.forService({ service: 'mrv-service', schema: 'mrv', entities: [], config }), MonitoringReportModule],
    };
  }
}
