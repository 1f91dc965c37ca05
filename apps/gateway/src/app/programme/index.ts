import { CallsController } from './calls.controller';
import { ContractsController } from './contracts.controller';
import { InterestLettersController } from './interest-letters.controller';
import { JcmLeadsController } from './jcm-leads.controller';
import { MonthlyReportsController } from './monthly-reports.controller';
import { ProposalsController } from './proposals.controller';

/** 都市間連携事業 programme-year routes (calls to JCM leads), fronting partnership-service. */
export const PROGRAMME_CONTROLLERS = [
  CallsController,
  ProposalsController,
  ContractsController,
  MonthlyReportsController,
  InterestLettersController,
  JcmLeadsController,
];
