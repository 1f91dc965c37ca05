import * as z from 'zod';
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
 * NATS `mrv.monitoring-report.verify`: a third-party entity (TPE, 第三者機関) records its verification of a
 * monitoring report. ER = RE − PE over the monitoring period (`calculateEmissionReduction`, @jcm/rules), rounded
 * down to whole tCO2; give sources (Σ activity × EF) or totals for each side.
 */
export const VerifyMonitoringReportCommand = z
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
export type VerifyMonitoringReportCommand = z.infer<typeof VerifyMonitoringReportCommand>;

export const MonitoringReportView = z.object({
  id: z.uuid(),
  projectReference: z.string(),
  monitoringPeriod: z.object({ start: IsoDate, end: IsoDate }),
  referenceEmissionsT: z.string(),
  projectEmissionsT: z.string(),
  emissionReductionExactT: z.string(),
  /** Verified emission reductions in whole tCO2 (rounded down): what may be issued as credits. */
  verifiedEmissionReductions: z.string(),
  tpeOrgId: z.uuid(),
  verificationDate: IsoDate,
  verificationReportRef: z.string(),
  status: z.literal('VERIFIED'),
  createdAt: z.iso.datetime(),
});
export type MonitoringReportView = z.infer<typeof MonitoringReportView>;

export const ListMonitoringReportsQuery = PageQuery.extend({ projectReference: ProjectReference.optional() });
export type ListMonitoringReportsQuery = z.infer<typeof ListMonitoringReportsQuery>;
export const MonitoringReportPage = pageOf(MonitoringReportView);
export type MonitoringReportPage = z.infer<typeof MonitoringReportPage>;

/** evt.mrv.monitoring-report.verified: what credits-service needs to prepare a pending issuance. */
export const MonitoringReportVerifiedEvent = z.object({
  reportId: z.uuid(),
  projectReference: z.string(),
  monitoringPeriod: z.object({ start: IsoDate, end: IsoDate }),
  verifiedEmissionReductions: z.string().regex(/^[1-9]\d{0,14}$/),
  tpeOrgId: z.uuid(),
  verificationDate: IsoDate,
});
export type MonitoringReportVerifiedEvent = z.infer<typeof MonitoringReportVerifiedEvent>;

type Actor = Pick<RequestContext, 'orgType' | 'role'>;

/** Only a TPE (editor or admin) records a verification. */
export function canVerifyMonitoringReport(actor: Actor): boolean {
  return actor.orgType === 'TPE' && actor.role !== 'viewer';
}
