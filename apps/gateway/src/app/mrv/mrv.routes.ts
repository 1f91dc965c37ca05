import {
  ListMonitoringReportsQuery,
  MonitoringReportPage,
  MonitoringReportView,
  MRV_RPC,
  VerifyMonitoringReportCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

/**
 * /api/v1/mrv: monitoring reports, fronting mrv-service. A TPE's verification publishes
 * `mrv.monitoring-report.verified`, from which the registry prepares a pending issuance for MOE to confirm.
 */
export const MRV_ROUTES = routeArea('Mrv', [
  route({
    method: 'POST',
    path: 'mrv/monitoring-reports/verifications',
    summary: 'Record a TPE-verified monitoring report (TPE only; Idempotency-Key)',
    idempotencyKey: true,
    body: VerifyMonitoringReportCommand,
    response: MonitoringReportView,
    rpc: { subject: MRV_RPC.monitoringReport.verify },
  }),
  route({
    method: 'GET',
    path: 'mrv/monitoring-reports',
    summary: 'Monitoring reports visible to the caller',
    query: ListMonitoringReportsQuery,
    response: MonitoringReportPage,
    rpc: { subject: MRV_RPC.monitoringReport.list },
  }),
]);
