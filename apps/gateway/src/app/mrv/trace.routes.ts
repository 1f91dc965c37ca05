import * as z from 'zod';
import {
  CREDITS_RPC,
  MonitoringReportTraceView,
  MRV_RPC,
  SerialTraceView,
  TraceSerialQuery,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

/** A credit's chain (トレーサビリティ): registry part (public) + the MRV part the caller may see. */
export const CreditTraceView = z.object({
  credits: SerialTraceView,
  /** Report → project → grant; null when the caller may not see the report (or the issuance had none). */
  mrv: MonitoringReportTraceView.nullable(),
});
export type CreditTraceView = z.infer<typeof CreditTraceView>;

/**
 * /api/v1/trace/:serial: from a credit serial number to its issuance (credits-service), then to the monitoring
 * report, project and grant (mrv-service, under the caller's tenancy: another company's report stays hidden).
 * /api/v1/public/trace/:serial is the public registry's part only.
 */
export const TRACE_ROUTES = routeArea('Trace', [
  route({
    method: 'GET',
    path: 'trace/:serial',
    summary: 'Trace a credit serial number back to its issuance, monitoring report, project and grant',
    params: TraceSerialQuery,
    response: CreditTraceView,
    handle: async (input, call) => {
      const credits = await call.services.bus.send(CREDITS_RPC.block.trace, null, input, SerialTraceView);
      if (!credits.monitoringReportId) return { credits, mrv: null };
      const mrv = await call.services.bus
        .send(
          MRV_RPC.monitoringReport.trace,
          call.ctx,
          { id: credits.monitoringReportId },
          MonitoringReportTraceView,
        )
        .catch((err: { code?: string }) => {
          if (err?.code === 'NOT_FOUND') return null;
          throw err;
        });
      return { credits, mrv };
    },
  }),
  route({
    method: 'GET',
    path: 'public/trace/:serial',
    summary:
      '公開情報: the registry part of a credit’s trace (issuance, Joint Committee decision), for anyone',
    auth: 'public',
    params: TraceSerialQuery,
    response: SerialTraceView,
    rpc: { subject: CREDITS_RPC.block.trace },
  }),
]);
