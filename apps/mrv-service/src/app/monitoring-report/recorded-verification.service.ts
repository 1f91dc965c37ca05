import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  canVerifyMonitoringReport,
  DomainError,
  MonitoringReportView,
  MRV_EVENTS,
  RecordVerifiedMonitoringReportCommand,
  RequestContext,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction, isPgError } from '@jcm/service-kit';
import { MONITORING_REPORT_SOURCE, toMonitoringReportView } from './monitoring-report.rows';
import { verifiedReduction } from './verified-reduction';

/**
 * Legacy (before #11): a TPE records a report it verified outside the platform, in one step, from the reference
 * and project emissions it posts (ER = RE − PE rounded down). Kept for existing clients (credits e2e) until they
 * move to the report workflow; such a report has no project, no stored trace and is visible to that TPE only.
 */
@Injectable()
export class RecordedVerificationService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async record(
    ctx: RequestContext,
    cmd: RecordVerifiedMonitoringReportCommand,
  ): Promise<MonitoringReportView> {
    if (!canVerifyMonitoringReport(ctx))
      throw new DomainError('FORBIDDEN', 'Only a third-party entity (TPE) verifies monitoring reports.');
    const er = verifiedReduction(cmd);
    const requestHash = createHash('sha256').update(JSON.stringify(cmd)).digest('hex');
    try {
      return await inTenantTransaction(this.ds, ctx, async (m) => {
        if (ctx.idempotencyKey) {
          const [prior]: { id: string; request_hash: string }[] = await m.query(
            `SELECT id, request_hash FROM mrv.monitoring_report WHERE tpe_org_id = $1 AND idempotency_key = $2`,
            [ctx.orgId, ctx.idempotencyKey],
          );
          if (prior && prior.request_hash !== requestHash) {
            throw new DomainError(
              'CONFLICT',
              'This Idempotency-Key was already used for a different request.',
            );
          }
          if (prior) return toMonitoringReportView(await MONITORING_REPORT_SOURCE.find(m, ctx, prior.id));
        }
        const [{ id }]: { id: string }[] = await m.query(
          `INSERT INTO mrv.monitoring_report (project_reference, monitoring_start, monitoring_end, status, calculation, reference_emissions_t,
             project_emissions_t, emission_reduction_exact_t, verified_emission_reductions, tpe_org_id, verification_date,
             verification_report_ref, idempotency_key, request_hash, participant_org_ids, created_by)
           VALUES ($1, $2, $3, 'VERIFIED', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, ARRAY[$9]::uuid[], $14) RETURNING id`,
          [
            cmd.projectReference,
            er.periodStart,
            er.periodEnd,
            JSON.stringify(cmd),
            er.referenceEmissionsT,
            er.projectEmissionsT,
            er.emissionReductionExactT,
            er.emissionReductionT,
            ctx.orgId,
            cmd.verificationDate,
            cmd.verificationReportRef,
            ctx.idempotencyKey ?? null,
            requestHash,
            ctx.userId,
          ],
        );
        const view = toMonitoringReportView(await MONITORING_REPORT_SOURCE.find(m, ctx, id));
        await appendToOutbox(
          m,
          'mrv',
          MRV_EVENTS.monitoringReport.verified,
          {
            reportId: view.id,
            projectReference: view.projectReference,
            monitoringPeriod: view.monitoringPeriod,
            verifiedEmissionReductions: er.emissionReductionT,
            tpeOrgId: ctx.orgId,
            verificationDate: cmd.verificationDate,
          },
          ctx,
          { aggregateId: view.id },
        );
        return view;
      });
    } catch (err) {
      if (isPgError(err, '23P01')) {
        throw new DomainError(
          'CONFLICT',
          `A monitoring report of ${cmd.projectReference} already covers part of this period.`,
        );
      }
      throw err;
    }
  }
}
