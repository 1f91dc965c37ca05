import {
  CalculationIssue,
  MonitoringReportStatus,
  MonitoringReportView,
  ReportTechnologyValues,
} from '@jcm/contracts';
import {
  date,
  decimal,
  defineSource,
  defineTable,
  int,
  isoAt,
  jsonb,
  text,
  timestamptz,
  uuid,
  uuidArray,
} from '@jcm/service-kit';

/**
 * mrv.monitoring_report (モニタリング報告書): the company's values, the engine's checks and calculation of them
 * (stored trace bytes + SHA-256 + engine version), and the TPE's verification. Legacy rows recorded in one step
 * (before #11) have no project and no trace.
 */
export const MONITORING_REPORT = defineTable(
  'mrv.monitoring_report',
  {
    id: uuid().default(),
    project_id: uuid().nullable(),
    project_reference: text(),
    monitoring_start: date(),
    monitoring_end: date(),
    status: text<MonitoringReportStatus>(),
    company_org_id: uuid().nullable(),
    technologies: jsonb<ReportTechnologyValues[]>(),
    issues: jsonb<CalculationIssue[]>(),
    technology_ers: jsonb<MonitoringReportView['technologyEmissionReductions']>(),
    total_er_t: decimal().nullable(),
    canonical_trace: text().nullable(),
    calculation_sha256: text().nullable(),
    engine_version: text().nullable(),
    methodologies: jsonb<{ id: string; version: string }[]>(),
    tpe_org_id: uuid().nullable().default(),
    verification_opinion: text<'POSITIVE' | 'QUALIFIED' | 'ADVERSE'>().nullable().default(),
    verification_statement: text().nullable().default(),
    verification_date: date().nullable().default(),
    verification_report_ref: text().nullable().default(),
    verified_emission_reductions: decimal().nullable().default(),
    participant_org_ids: uuidArray(),
    version: int().default(),
    submitted_at: timestamptz().nullable().default(),
    created_by: uuid(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

export const MONITORING_REPORT_SOURCE = defineSource({
  from: 'mrv.monitoring_report r',
  alias: 'r',
  label: 'Monitoring report',
  fields: MONITORING_REPORT.fields('r'),
});
export type MonitoringReportRow = ReturnType<typeof MONITORING_REPORT_SOURCE.decode>;

export function toMonitoringReportView(r: MonitoringReportRow): MonitoringReportView {
  return {
    id: r.id,
    projectId: r.project_id,
    projectReference: r.project_reference,
    monitoringPeriod: { start: r.monitoring_start, end: r.monitoring_end },
    status: r.status,
    companyOrgId: r.company_org_id,
    technologies: r.technologies,
    issues: r.issues,
    technologyEmissionReductions: r.technology_ers,
    totalEmissionReductionT: r.total_er_t,
    calculation: r.canonical_trace,
    calculationSha256: r.calculation_sha256,
    engineVersion: r.engine_version,
    tpeOrgId: r.tpe_org_id,
    verificationOpinion: r.verification_opinion,
    verificationStatement: r.verification_statement,
    verificationDate: r.verification_date,
    verificationReportRef: r.verification_report_ref,
    verifiedEmissionReductions: r.verified_emission_reductions,
    version: r.version,
    createdAt: isoAt(r.created_at),
  };
}
