import { defineEvent } from '../shared/define-event';
import { MonitoringReportVerifiedEvent } from './mrv.monitoring-reports';

/** NATS subjects of mrv-service (DESIGN §4): request/reply `mrv.<aggregate>.<verb>`. */
export const MRV_RPC = {
  monitoringReport: { verify: 'mrv.monitoring-report.verify', list: 'mrv.monitoring-report.list' },
} as const;

/** Domain events of mrv-service (`evt.` + type on the stream), each with the payload it carries. */
export const MRV_EVENTS = {
  monitoringReport: {
    /** A TPE verified a monitoring report: credits-service prepares a pending issuance for the registry manager. */
    verified: defineEvent('mrv.monitoring-report.verified', MonitoringReportVerifiedEvent),
  },
} as const;
