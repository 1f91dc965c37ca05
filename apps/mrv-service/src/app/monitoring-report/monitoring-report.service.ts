import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  canVerifyMonitoringReport,
  DomainError,
  ListMonitoringReportsQuery,
  MonitoringReportPage,
  MonitoringReportVerifiedEvent,
  MonitoringReportView,
  MRV_EVENTS,
  RequestContext,
  seesAllRecords,
  VerifyMonitoringReportCommand,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction, isPgError } from '@jcm/service-kit';
import { verifiedReduction } from './verified-reduction';

interface ReportRow {
  id: string;
  project_reference: string;
  monitoring_start: string;
  monitoring_end: string;
  reference_emissions_t: string;
  project_emissions_t: string;
  emission_reduction_exact_t: string;
  verified_emission_reductions: string;
  tpe_org_id: string;
  verification_date: string;
  verification_report_ref: string;
  request_hash: string;
  created_at: Date;
}

const SELECT_REPORT = `SELECT id, project_reference, monitoring_start::text AS monitoring_start, monitoring_end::text AS monitoring_end,
       reference_emissions_t::text AS reference_emissions_t, project_emissions_t::text AS project_emissions_t,
       emission_reduction_exact_t::text AS emission_reduction_exact_t, verified_emission_reductions::text AS verified_emission_reductions,
       tpe_org_id, verification_date::text AS verification_date, verification_report_ref, request_hash, created_at
  FROM mrv.monitoring_report`;

/**
 * モニタリング報告書の検証 by a TPE: the emission reduction of the period is computed here with the shared rule
 * (`calculateEmissionReduction`: ER = RE − PE, whole tCO2 rounded down), stored with its inputs, and
 * `mrv.monitoring-report.verified` is written to the outbox in the same transaction.
 */
@Injectable()
export class MonitoringReportService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async verify(ctx: RequestContext, cmd: VerifyMonitoringReportCommand): Promise<MonitoringReportView> {
    if (!canVerifyMonitoringReport(ctx)) throw new DomainError('FORBIDDEN', 'Only a third-party entity (TPE) verifies monitoring reports.');
    const er = verifiedReduction(cmd);
    const requestHash = createHash('sha256').update(JSON.stringify(cmd)).digest('hex');
    try {
      return await inTenantTransaction(this.ds, ctx, async (m) => {
        if (ctx.idempotencyKey) {
          const [prior]: ReportRow[] = await m.query(`${SELECT_REPORT} WHERE tpe_org_id = $1 AND idempotency_key = $2`, [
            ctx.orgId,
            ctx.idempotencyKey,
          ]);
          if (prior && prior.request_hash !== requestHash) {
            throw new DomainError('CONFLICT', 'This Idempotency-Key was already used for a different request.');
          }
          if (prior) return toView(prior);
        }
        const [{ id }]: { id: string }[] = await m.query(
          `INSERT INTO mrv.monitoring_report (project_reference, monitoring_start, monitoring_end, calculation, reference_emissions_t,
             project_emissions_t, emission_reduction_exact_t, verified_emission_reductions, tpe_org_id, verification_date,
             verification_report_ref, idempotency_key, request_hash, participant_org_ids, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, ARRAY[$9]::uuid[], $14) RETURNING id`,
          [cmd.projectReference, er.periodStart, er.periodEnd, JSON.stringify(cmd), er.referenceEmissionsT, er.projectEmissionsT,
            er.emissionReductionExactT, er.emissionReductionT, ctx.orgId, cmd.verificationDate, cmd.verificationReportRef,
            ctx.idempotencyKey ?? null, requestHash, ctx.userId],
        );
        const [row]: ReportRow[] = await m.query(`${SELECT_REPORT} WHERE id = $1`, [id]);
        const view = toView(row);
        const event: MonitoringReportVerifiedEvent = {
          reportId: view.id,
          projectReference: view.projectReference,
          monitoringPeriod: view.monitoringPeriod,
          verifiedEmissionReductions: view.verifiedEmissionReductions,
          tpeOrgId: view.tpeOrgId,
          verificationDate: view.verificationDate,
        };
        await appendToOutbox(m, 'mrv', MRV_EVENTS.monitoringReport.verified, event, ctx, { aggregateId: event.reportId });
        return view;
      });
    } catch (err) {
      if (isPgError(err, '23P01')) {
        throw new DomainError('CONFLICT', `A verified monitoring report of ${cmd.projectReference} already covers part of this period.`);
      }
      throw err;
    }
  }

  async list(ctx: RequestContext, q: ListMonitoringReportsQuery): Promise<MonitoringReportPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const where: string[] = ['true'];
      const params: unknown[] = [];
      if (!seesAllRecords(ctx)) where.push(`$${params.push(ctx.orgId)} = ANY(participant_org_ids)`);
      if (q.projectReference) where.push(`project_reference = $${params.push(q.projectReference)}`);
      const clause = where.join(' AND ');
      const [{ n }]: { n: string }[] = await m.query(`SELECT count(*)::text AS n FROM mrv.monitoring_report WHERE ${clause}`, params);
      const rows: ReportRow[] = await m.query(
        `${SELECT_REPORT} WHERE ${clause} ORDER BY project_reference, monitoring_start LIMIT ${q.limit} OFFSET ${q.offset}`,
        params,
      );
      return { items: rows.map(toView), total: Number(n) };
    });
  }
}

function toView(r: ReportRow): MonitoringReportView {
  return {
    id: r.id,
    projectReference: r.project_reference,
    monitoringPeriod: { start: r.monitoring_start, end: r.monitoring_end },
    referenceEmissionsT: r.reference_emissions_t,
    projectEmissionsT: r.project_emissions_t,
    emissionReductionExactT: r.emission_reduction_exact_t,
    verifiedEmissionReductions: r.verified_emission_reductions,
    tpeOrgId: r.tpe_org_id,
    verificationDate: r.verification_date,
    verificationReportRef: r.verification_report_ref,
    status: 'VERIFIED',
    createdAt: new Date(r.created_at).toISOString(),
  };
}
