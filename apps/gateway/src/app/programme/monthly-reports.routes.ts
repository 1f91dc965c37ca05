import {
  IdParam,
  ListMonthlyReportsQuery,
  MonthlyReportPage,
  MonthlyReportView,
  PARTNERSHIP_RPC,
  ReturnMonthlyReportCommand,
  UpdateMonthlyReportCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

const RPC = PARTNERSHIP_RPC.monthlyReport;

/** /api/v1/monthly-reports: 月次報告 (the contractor writes; the municipality or MOE acknowledges or returns). */
export const MONTHLY_REPORT_ROUTES = routeArea('MonthlyReports', [
  route({
    method: 'GET',
    path: 'monthly-reports',
    summary: '月次報告: reports visible to the caller',
    query: ListMonthlyReportsQuery,
    response: MonthlyReportPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'monthly-reports/:id',
    summary: '月次報告: one report',
    params: IdParam,
    response: MonthlyReportView,
    rpc: { subject: RPC.get },
  }),
  route({
    method: 'PATCH',
    path: 'monthly-reports/:id',
    summary: '月次報告: write the draft (the contractor)',
    body: UpdateMonthlyReportCommand,
    response: MonthlyReportView,
    rpc: { subject: RPC.update },
  }),
  route({
    method: 'POST',
    path: 'monthly-reports/:id/submit',
    summary: '月次報告: submit (the contractor)',
    status: 200,
    params: IdParam,
    response: MonthlyReportView,
    rpc: { subject: RPC.submit },
  }),
  route({
    method: 'POST',
    path: 'monthly-reports/:id/acknowledge',
    summary: '月次報告: acknowledge (the municipality, MOE)',
    status: 200,
    params: IdParam,
    response: MonthlyReportView,
    rpc: { subject: RPC.acknowledge },
  }),
  route({
    method: 'POST',
    path: 'monthly-reports/:id/return',
    summary: '月次報告: return with a comment (the municipality, MOE)',
    status: 200,
    body: ReturnMonthlyReportCommand,
    response: MonthlyReportView,
    rpc: { subject: RPC.return },
  }),
]);
