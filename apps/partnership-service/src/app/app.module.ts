import { DynamicModule, Module } from '@nestjs/common';
import { Clock, ClockModule, ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { AnnualContractModule } from './annual-contract/annual-contract.module';
import { CallModule } from './call/call.module';
import { DeliverableModule } from './deliverable/deliverable.module';
import { InterestLetterModule } from './interest-letter/interest-letter.module';
import { JcmLeadModule } from './jcm-lead/jcm-lead.module';
import { MonthlyReportModule } from './monthly-report/monthly-report.module';
import { PartnershipModule } from './partnership/partnership.module';
import { ProposalModule } from './proposal/proposal.module';
import { ReportMeetingModule } from './report-meeting/report-meeting.module';
import { SettlementReportModule } from './settlement-report/settlement-report.module';

@Module({})
export class PartnershipServiceModule {
  /** `clock` pins the service's "now" (tests); every table is raw SQL through its row schema, so no entities. */
  static register(config?: ServiceConfig, clock?: Clock | (() => Date)): DynamicModule {
    return {
      module: PartnershipServiceModule,
      imports: [
        ServiceKitModule.forService({
          service: 'partnership-service',
          schema: 'partnership',
          entities: [],
          config,
        }),
        ClockModule.register(typeof clock === 'function' ? { now: clock } : clock),
        PartnershipModule,
        CallModule,
        ProposalModule,
        AnnualContractModule,
        MonthlyReportModule,
        InterestLetterModule,
        JcmLeadModule,
        ReportMeetingModule,
        SettlementReportModule,
        DeliverableModule,
      ],
    };
  }
}
