import { CallsController } from './calls.controller';
import { ContractRecordsController } from './contract-records.controller';
import { ContractsController } from './contracts.controller';
import { DeliverablesController } from './deliverables.controller';
import { InterestLettersController } from './interest-letters.controller';
import { JcmLeadsController } from './jcm-leads.controller';
import { MonthlyReportsController } from './monthly-reports.controller';
import { ProposalsController } from './proposals.controller';
import { ReportMeetingsController } from './report-meetings.controller';
import { SettlementReportsController } from './settlement-reports.controller';

/** 都市間連携事業 programme-year routes (calls to JCM leads), fronting partnership-service. */
export const PROGRAMME_CONTROLLERS = [
  CallsController,
  ProposalsController,
  // Before ContractsController: its `POST contracts/:id/:action` would match `contracts/:id/report-meetings` first.
  ContractRecordsController,
  ContractsController,
  MonthlyReportsController,
  InterestLettersController,
  JcmLeadsController,
  ReportMeetingsController,
  SettlementReportsController,
  DeliverablesController,
];
