import {
  AssignTpeCommand,
  CreateMonitoringReportCommand,
  GetByIdQuery,
  ListMonitoringReportsQuery,
  MonitoringReportIdCommand,
  MonitoringReportPage,
  MonitoringReportTraceView,
  MonitoringReportView,
  MRV_RPC,
  RecordVerifiedMonitoringReportCommand,
  RerunView,
  UpdateMonitoringReportCommand,
  VerifyMonitoringReportCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

const RPC = MRV_RPC.monitoringReport;

/**
 * /api/v1/mrv/monitoring-reports: モニタリング報告書, fronting mrv-service. The company edits its drafts (checked and
 * calculated on every save), submits and assigns a verifier; the assigned TPE verifies the calculation it read, which
 * publishes `mrv.monitoring-report.verified` and lets the registry prepare a pending issuance for MOE to confirm.
 */
export const MRV_ROUTES = routeArea('Mrv', [
  route({
    method: 'POST',
    path: 'mrv/monitoring-reports',
    summary: 'Start a monitoring report of a validated project (company; Idempotency-Key)',
    idempotencyKey: true,
    body: CreateMonitoringReportCommand,
    response: MonitoringReportView,
    rpc: { subject: RPC.create },
  }),
  route({
    method: 'GET',
    path: 'mrv/monitoring-reports',
    summary: 'Monitoring reports visible to the caller (its projects; a TPE: those assigned to it)',
    query: ListMonitoringReportsQuery,
    response: MonitoringReportPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'mrv/monitoring-reports/:id',
    summary: 'One monitoring report with its checks, calculation trace and hash (404 when not visible)',
    params: GetByIdQuery,
    response: MonitoringReportView,
    rpc: { subject: RPC.get },
  }),
  route({
    method: 'PUT',
    path: 'mrv/monitoring-reports/:id',
    summary:
      'Replace the values of a draft or returned report; the reply carries the engine checks and result',
    body: UpdateMonitoringReportCommand,
    response: MonitoringReportView,
    rpc: { subject: RPC.update },
  }),
  route({
    method: 'POST',
    path: 'mrv/monitoring-reports/:id/submit',
    summary: 'Submit a report the engine accepts (company; Idempotency-Key)',
    status: 200,
    idempotencyKey: true,
    body: MonitoringReportIdCommand,
    response: MonitoringReportView,
    rpc: { subject: RPC.submit },
  }),
  route({
    method: 'POST',
    path: 'mrv/monitoring-reports/:id/verifier',
    summary: 'Assign a TPE accredited for the methodologies’ sectoral scopes (company)',
    status: 200,
    body: AssignTpeCommand,
    response: MonitoringReportView,
    rpc: { subject: RPC.assignVerifier },
  }),
  route({
    method: 'POST',
    path: 'mrv/monitoring-reports/:id/verification',
    summary: 'The assigned TPE’s verification opinion on the calculation it read (Idempotency-Key)',
    status: 200,
    idempotencyKey: true,
    body: VerifyMonitoringReportCommand,
    response: MonitoringReportView,
    rpc: { subject: RPC.verify },
  }),
  route({
    method: 'POST',
    path: 'mrv/monitoring-reports/:id/rerun',
    summary: 'Re-run the stored calculation and compare it byte for byte',
    status: 200,
    body: GetByIdQuery,
    response: RerunView,
    rpc: { subject: RPC.rerun },
  }),
  route({
    method: 'GET',
    path: 'mrv/monitoring-reports/:id/trace',
    summary: 'The report’s project and grant (traceability)',
    params: GetByIdQuery,
    response: MonitoringReportTraceView,
    rpc: { subject: RPC.trace },
  }),
  route({
    method: 'POST',
    path: 'mrv/monitoring-reports/verifications',
    summary:
      'Legacy: record a report a TPE verified outside the platform, in one step (TPE only; Idempotency-Key)',
    idempotencyKey: true,
    body: RecordVerifiedMonitoringReportCommand,
    response: MonitoringReportView,
    rpc: { subject: RPC.recordVerified },
  }),
]);
