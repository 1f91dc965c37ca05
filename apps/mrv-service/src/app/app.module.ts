import { DynamicModule, Module } from '@nestjs/common';
import { Clock, ClockModule, ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { FindingHandler } from './finding/finding.handler';
import { FindingService } from './finding/finding.service';
import { MethodologyHandler } from './methodology/methodology.handler';
import { MethodologyService } from './methodology/methodology.service';
import { MonitoringReportHandler } from './monitoring-report/monitoring-report.handler';
import { MonitoringReportService } from './monitoring-report/monitoring-report.service';
import { RecordedVerificationService } from './monitoring-report/recorded-verification.service';
import { ProjectHandler } from './project/project.handler';
import { ProjectService } from './project/project.service';

/** Methodologies, JCM projects, monitoring reports and TPE findings: one module, they share the engine glue. */
@Module({
  controllers: [MethodologyHandler, ProjectHandler, MonitoringReportHandler, FindingHandler],
  providers: [
    MethodologyService,
    ProjectService,
    MonitoringReportService,
    RecordedVerificationService,
    FindingService,
  ],
})
class MrvModule {}

/** MRV (monitoring, reporting, verification). */
@Module({})
export class MrvServiceModule {
  /** `clock` pins the service's "now" (tests); every table is raw SQL through its row schema, so no entities. */
  static register(config?: ServiceConfig, clock?: Clock): DynamicModule {
    return {
      module: MrvServiceModule,
      imports: [
        ServiceKitModule.forService({ service: 'mrv-service', schema: 'mrv', entities: [], config }),
        ClockModule.register(clock),
        MrvModule,
      ],
    };
  }
}
