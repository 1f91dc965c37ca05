import { DomainError, RecordVerifiedMonitoringReportCommand } from '@jcm/contracts';
import { calculateEmissionReduction, EmissionReductionResult } from '@jcm/rules';

/**
 * The verified emission reduction of a monitoring report: ER = RE − PE over the period with the shared rule
 * (`calculateEmissionReduction`, whole tCO2 rounded down, never negative). A period without a reduction has
 * nothing to credit, so it is refused rather than verified at zero.
 */
export function verifiedReduction(cmd: RecordVerifiedMonitoringReportCommand): EmissionReductionResult {
  const er = calculateEmissionReduction({
    periodStart: cmd.monitoringPeriod.start,
    periodEnd: cmd.monitoringPeriod.end,
    reference: cmd.reference,
    referenceEmissionsT: cmd.referenceEmissionsT,
    project: cmd.project,
    projectEmissionsT: cmd.projectEmissionsT,
  });
  if (er.emissionReductionT === '0') {
    throw new DomainError(
      'RULE_VIOLATION',
      `No emission reduction to credit: RE − PE = ${er.emissionReductionExactT} tCO2.`,
    );
  }
  return er;
}
