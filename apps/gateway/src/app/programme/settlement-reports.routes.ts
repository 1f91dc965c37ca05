import {
  IdParam,
  ListSettlementReportsQuery,
  PARTNERSHIP_RPC,
  ReturnSettlementReportCommand,
  SettlementReportPage,
  SettlementReportView,
  UpdateSettlementReportCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

const RPC = PARTNERSHIP_RPC.settlementReport;
const step = (path: string, summary: string, subject: string) =>
  route({
    method: 'POST',
    path,
    summary,
    status: 200,
    params: IdParam,
    response: SettlementReportView,
    rpc: { subject },
  });

/** /api/v1/settlement-reports: 精算報告 (the contractor reports; MOE or the secretariat inspect, accept or return). */
export const SETTLEMENT_REPORT_ROUTES = routeArea('SettlementReports', [
  route({
    method: 'GET',
    path: 'settlement-reports',
    summary: '精算報告: reports visible to the caller',
    query: ListSettlementReportsQuery,
    response: SettlementReportPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'settlement-reports/:id',
    summary: '精算報告: one report',
    params: IdParam,
    response: SettlementReportView,
    rpc: { subject: RPC.get },
  }),
  route({
    method: 'PATCH',
    path: 'settlement-reports/:id',
    summary: '精算報告: write the draft (the contractor)',
    body: UpdateSettlementReportCommand,
    response: SettlementReportView,
    rpc: { subject: RPC.update },
  }),
  step('settlement-reports/:id/submit', '精算報告: submit (the contractor)', RPC.submit),
  step('settlement-reports/:id/accept', '精算報告: accept after inspection (MOE, secretariat)', RPC.accept),
  route({
    method: 'POST',
    path: 'settlement-reports/:id/return',
    summary: '精算報告: return with a comment (MOE, secretariat)',
    status: 200,
    body: ReturnSettlementReportCommand,
    response: SettlementReportView,
    rpc: { subject: RPC.return },
  }),
]);
