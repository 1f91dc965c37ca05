import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceKitModule } from '@jcm/service-kit';
import { AnnualContractModule } from './annual-contract/annual-contract.module';
import { CallModule } from './call/call.module';
import { DeliverableModule } from './deliverable/deliverable.module';
import { InterestLetterModule } from './interest-letter/interest-letter.module';
import { JcmLeadModule } from './jcm-lead/jcm-lead.module';
import { MonthlyReportModule } from './monthly-report/monthly-report.module';
import { PartnershipEntity } from './partnership/entities/partnership.entity';
import { PartnershipModule } from './partnership/partnership.module';
import { Clock } from './programme-shared/clock';
import { ProgrammeSharedModule } from './programme-shared/programme-shared.module';
import { ProposalModule } from './proposal/proposal.module';
import { ReportMeetingModule } from './report-meeting/report-meeting.module';
import { SettlementReportModule } from './settlement-report/settlement-report.module';

export const PARTNERSHIP_ENTITIES = [PartnershipEntity];

@Module({})
export class PartnershipServiceModule {
  static register(config?: ServiceConfig, clock?: Clock): DynamicModule {
    return {
      module: PartnershipServiceModule,
      imports: [
        ServiceKitModule.forService({ service: 'partnership-service', schema: 'partnership', entities: PARTNERSHIP_ENTITIES, config }),
        ProgrammeSharedModule.register(clock),
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
