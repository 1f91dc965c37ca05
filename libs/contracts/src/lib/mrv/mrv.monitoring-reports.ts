import * as z from 'zod';
import { ParameterValue } from '@jcm/rules';
import { sortParam } from '../partnership/programme.primitives';
import { pageOf, PageQuery } from '../shared/page';
import { RequestContext } from '../shared/request-context';
import { text } from '../shared/text';

const IsoDate = z.iso.date();
/** Non-negative decimal string (activity data, emission factors, tonnes): never a JS number on the wire. */
const Decimal = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,10})?$/, 'A non-negative decimal as a string, e.g. "1234.5"');
const ProjectReference = z
  .string()
  .regex(/^[A-Z]{2}[A-Z0-9]{1,18}$/, 'Country code and project number, e.g. MN001');

/** One emission source: activity in the period × emission factor (tCO2 per activity unit). */
export const EmissionSource = z.object({
  label: text({ max: 200, kind: 'name', min: 0 }).optional(),
  activity: Decimal,
  emissionFactor: Decimal,
});
export type EmissionSource = z.infer<typeof EmissionSource>;

/**
 * NATS `mrv.monitoring-report.record-verified` (legacy, kept for existing clients until they move to the report
 * workflow): a third-party entity (TPE, 第三者機関) records a monitoring report it verified outside the platform. ER = RE − PE over the monitoring period (`calculateEmissionReduction`, @jcm/rules), rounded
 * down to whole tCO2; give sources (Σ activity × EF) or totals for each side.
 */
export const RecordVerifiedMonitoringReportCommand = z
  .object({
    projectReference: ProjectReference,
    monitoringPeriod: z.object({ start: IsoDate, end: IsoDate }),
    reference: z.array(EmissionSource).min(1).max(50).optional(),
    referenceEmissionsT: Decimal.optional(),
    project: z.array(EmissionSource).max(50).optional(),
    projectEmissionsT: Decimal.optional(),
    verificationDate: IsoDate,
    /** The TPE's verification report or statement, e.g. "VR-2025-014". */
    verificationReportRef: text({ max: 100, kind: 'name' }),
  })
  .refine((c) => c.monitoringPeriod.start <= c.monitoringPeriod.end, {
    path: ['monitoringPeriod', 'end'],
    message: 'Must not be before the start',
  })
  .refine((c) => c.verificationDate >= c.monitoringPeriod.end, {
    path: ['verificationDate'],
    message: 'Verification follows the monitoring period',
  })
  .refine((c) => (c.reference !== undefined) !== (c.referenceEmissionsT !== undefined), {
    path: ['reference'],
    message: 'Give reference sources or referenceEmissionsT (one of them)',
  })
  .refine((c) => (c.project !== undefined) !== (c.projectEmissionsT !== undefined), {
    path: ['project'],
    message: 'Give project sources or projectEmissionsT (one of them)',
  });
export type RecordVerifiedMonitoringReportCommand = z.infer<typeof RecordVerifiedMonitoringReportCommand>;

/**
 * Monitoring report states (モニタリング報告書): DRAFT (the company edits) → SUBMITTED → VERIFIED, with RETURNED when
 * the assigned TPE raises a corrective action request (the company edits and submits again) and REFUSED for an
 * adverse opinion. Legacy reports recorded as verified by a TPE in one step are VERIFIED with no project.
 */
export const MonitoringReportStatus = z.enum(['DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'REFUSED']);
export type MonitoringReportStatus = z.infer<typeof MonitoringReportStatus>;

/** One technology's monitored values in the report (series per month and meter, scalars), by parameter id. */
export const ReportTechnologyValues = z.object({
  technologyId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  values: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), ParameterValue),
});
export type ReportTechnologyValues = z.infer<typeof ReportTechnologyValues>;

const Period = z
  .object({ start: IsoDate, end: IsoDate })
  .refine((p) => p.start <= p.end, { path: ['end'], message: 'Must not be before the start' });

export const CreateMonitoringReportCommand = z.object({
  projectId: z.uuid(),
  period: Period,
  technologies: z.array(ReportTechnologyValues).min(1).max(20),
});
export type CreateMonitoringReportCommand = z.infer<typeof CreateMonitoringReportCommand>;

export const UpdateMonitoringReportCommand = z.object({
  id: z.uuid(),
  /** Optimistic concurrency: the version the editor read. */
  version: z.number().int().min(1).optional(),
  period: Period.optional(),
  technologies: z.array(ReportTechnologyValues).min(1).max(20),
});
export type UpdateMonitoringReportCommand = z.infer<typeof UpdateMonitoringReportCommand>;

export const MonitoringReportIdCommand = z.object({ id: z.uuid() });
export type MonitoringReportIdCommand = z.infer<typeof MonitoringReportIdCommand>;

/**
 * NATS `mrv.monitoring-report.verify`: the assigned TPE's verification opinion (検証意見) on the calculation it read
 * (`calculationSha256` must be the report's current one). POSITIVE/QUALIFIED → VERIFIED and the issuance request.
 */
export const VerifyMonitoringReportCommand = z.object({
  id: z.uuid(),
  opinion: z.enum(['POSITIVE', 'QUALIFIED', 'ADVERSE']),
  statement: text({ max: 4000, kind: 'multiline' }),
  verificationDate: IsoDate,
  verificationReportRef: text({ max: 100, kind: 'name' }),
  calculationSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type VerifyMonitoringReportCommand = z.infer<typeof VerifyMonitoringReportCommand>;

export const CalculationIssue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  messageJa: z.string(),
});
export type CalculationIssue = z.infer<typeof CalculationIssue>;

export const MonitoringReportView = z.object({
  id: z.uuid(),
  projectId: z.uuid().nullable(),
  projectReference: z.string(),
  monitoringPeriod: z.object({ start: IsoDate, end: IsoDate }),
  status: MonitoringReportStatus,
  companyOrgId: z.uuid().nullable(),
  technologies: z.array(ReportTechnologyValues),
  /** The engine's checks of the current values (gaps, overlaps, ranges, missing, earlier periods); empty when ok. */
  issues: z.array(CalculationIssue),
  /** Per technology ER (whole tCO2, rounded down) and their sum (plan-forms.md §5.1). */
  technologyEmissionReductions: z.array(
    z.object({ technologyId: z.string(), emissionReductionT: z.string() }),
  ),
  totalEmissionReductionT: z.string().nullable(),
  /** The canonical trace as stored (bytes), its SHA-256 and the engine version that produced it. */
  calculation: z.string().nullable(),
  calculationSha256: z.string().nullable(),
  engineVersion: z.string().nullable(),
  tpeOrgId: z.uuid().nullable(),
  verificationOpinion: z.enum(['POSITIVE', 'QUALIFIED', 'ADVERSE']).nullable(),
  verificationStatement: z.string().nullable(),
  verificationDate: IsoDate.nullable(),
  verificationReportRef: z.string().nullable(),
  /** Verified emission reductions in whole tCO2 (rounded down): what may be issued as credits. */
  verifiedEmissionReductions: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type MonitoringReportView = z.infer<typeof MonitoringReportView>;

export const ListMonitoringReportsQuery = PageQuery.extend({
  projectReference: ProjectReference.optional(),
  projectId: z.uuid().optional(),
  status: MonitoringReportStatus.optional(),
  sort: sortParam(['monitoringStart', 'createdAt'] as const, 'monitoringStart'),
});
export type ListMonitoringReportsQuery = z.infer<typeof ListMonitoringReportsQuery>;
export const MonitoringReportPage = pageOf(MonitoringReportView);
export type MonitoringReportPage = z.infer<typeof MonitoringReportPage>;

/** `mrv.monitoring-report.rerun`: the stored calculation evaluated again and compared byte for byte. */
export const RerunView = z.object({
  identical: z.boolean(),
  calculationSha256: z.string(),
  rerunSha256: z.string().nullable(),
  reason: z.string().optional(),
  firstDifferenceAt: z.number().int().optional(),
});
export type RerunView = z.infer<typeof RerunView>;

/** `mrv.monitoring-report.trace`: the MRV part of a credit's chain (report → project → grant). */
export const MonitoringReportTraceView = z.object({
  report: z.object({
    id: z.uuid(),
    monitoringPeriod: z.object({ start: IsoDate, end: IsoDate }),
    verifiedEmissionReductions: z.string().nullable(),
    verificationDate: IsoDate.nullable(),
    tpeOrgId: z.uuid().nullable(),
    calculationSha256: z.string().nullable(),
    methodologies: z.array(z.object({ id: z.string(), version: z.string() })),
  }),
  project: z
    .object({
      id: z.uuid(),
      projectReference: z.string(),
      titleJa: z.string(),
      titleEn: z.string(),
      hostCountry: z.string(),
      status: z.string(),
      registeredOn: IsoDate.nullable(),
    })
    .nullable(),
  grantId: z.string().nullable(),
});
export type MonitoringReportTraceView = z.infer<typeof MonitoringReportTraceView>;

/** evt.mrv.monitoring-report.verified: what credits-service needs to prepare a pending issuance. */
export const MonitoringReportVerifiedEvent = z.object({
  reportId: z.uuid(),
  projectReference: z.string(),
  monitoringPeriod: z.object({ start: IsoDate, end: IsoDate }),
  verifiedEmissionReductions: z.string().regex(/^[1-9]\d{0,14}$/),
  tpeOrgId: z.uuid(),
  verificationDate: IsoDate,
  /** Added with #11 (optional, so older events still parse): the project, grant and the verified calculation. */
  projectId: z.uuid().optional(),
  grantId: z.string().nullable().optional(),
  calculationSha256: z.string().optional(),
});
export type MonitoringReportVerifiedEvent = z.infer<typeof MonitoringReportVerifiedEvent>;

type Actor = Pick<RequestContext, 'orgType' | 'role'>;

/** Only a TPE (editor or admin) records a verification. */
export function canVerifyMonitoringReport(actor: Actor): boolean {
  return actor.orgType === 'TPE' && actor.role !== 'viewer';
}
