/** NATS subjects of mrv-service (DESIGN §4): request/reply `mrv.<aggregate>.<verb>`, events `mrv.<aggregate>.<past>`. */
export const MRV_RPC = {
  monitoringReport: { verify: 'mrv.monitoring-report.verify', list: 'mrv.monitoring-report.list' },
} as const;

export const MRV_EVENTS = {
  /** A TPE verified a monitoring report: credits-service prepares a pending issuance for the registry manager. */
  monitoringReportVerified: 'mrv.monitoring-report.verified',
} as const;
