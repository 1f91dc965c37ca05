import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  canManageRegistry,
  ConfirmedIssuance,
  ConfirmPendingIssuanceCommand,
  CREDITS_EVENTS,
  DomainError,
  EventEnvelope,
  ListPendingIssuancesQuery,
  MonitoringReportVerifiedEvent,
  MRV_EVENTS,
  PendingIssuancePage,
  PendingIssuanceStatus,
  PendingIssuanceView,
  RejectPendingIssuanceCommand,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction, MessagingRuntime } from '@jcm/service-kit';
import { runOnce } from '../ledger/idempotency';
import { IssuanceService } from './issuance.service';

/** Verified JCM reductions are credited in Japan's registry; its manager (MOE) confirms each issuance. */
export const PENDING_ISSUANCE_REGISTRY = 'JP';

interface PendingRow {
  id: string;
  monitoring_report_id: string;
  source_event_id: string;
  project_reference: string;
  project_id: string | null;
  registry: string;
  monitoring_start: string;
  monitoring_end: string;
  quantity: string;
  suggested_vintage: number;
  tpe_org_id: string;
  verification_date: string;
  status: PendingIssuanceStatus;
  issuance_id: string | null;
  rejection_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

const SELECT_PENDING = `SELECT p.id, p.monitoring_report_id, p.source_event_id, p.project_reference, pr.id AS project_id, p.registry,
         p.monitoring_start::text AS monitoring_start, p.monitoring_end::text AS monitoring_end, p.quantity::text AS quantity,
         p.suggested_vintage, p.tpe_org_id, p.verification_date::text AS verification_date, p.status, p.issuance_id,
         p.rejection_reason, p.decided_at, p.created_at
    FROM credits.pending_issuance p LEFT JOIN credits.project pr ON pr.reference = p.project_reference`;

/**
 * 発行待ち (DESIGN §4: `mrv` report verified → `credits` issues): a durable consumer of `evt.mrv.>` turns each
 * `mrv.monitoring-report.verified` into one PENDING issuance (the event id is recorded once by the consumer, and
 * the monitoring report id is unique, so a redelivered or republished event changes nothing). The registry
 * manager then confirms it, which performs the normal issuance in the same transaction, or rejects it.
 */
@Injectable()
export class PendingIssuanceService implements OnApplicationBootstrap {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly messaging: MessagingRuntime,
    private readonly issuances: IssuanceService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.messaging.subscribe('mrv', {
      [MRV_EVENTS.monitoringReport.verified.type]: async (event, manager) => {
        await this.onMonitoringReportVerified(event, manager);
      },
    });
  }

  /** Runs inside the consumer's transaction ('system' scope), together with the processed-event record. */
  async onMonitoringReportVerified(
    event: EventEnvelope,
    m: EntityManager,
  ): Promise<PendingIssuanceView | null> {
    const report = MonitoringReportVerifiedEvent.parse(event.data);
    const [registry]: { manager_org_id: string }[] = await m.query(
      `SELECT manager_org_id FROM credits.registry WHERE code = $1`,
      [PENDING_ISSUANCE_REGISTRY],
    );
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO credits.pending_issuance (monitoring_report_id, source_event_id, project_reference, registry, monitoring_start,
         monitoring_end, quantity, suggested_vintage, tpe_org_id, verification_date, participant_org_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[])
       ON CONFLICT (monitoring_report_id) DO NOTHING RETURNING id`,
      [
        report.reportId,
        event.eventId,
        report.projectReference,
        PENDING_ISSUANCE_REGISTRY,
        report.monitoringPeriod.start,
        report.monitoringPeriod.end,
        report.verifiedEmissionReductions,
        Number(report.monitoringPeriod.end.slice(0, 4)),
        report.tpeOrgId,
        report.verificationDate,
        registry ? [registry.manager_org_id] : [],
      ],
    );
    if (inserted.length === 0) return null;
    const view = await this.load(m, inserted[0].id, false);
    await appendToOutbox(m, 'credits', CREDITS_EVENTS.issuance.prepared, view, null, {
      aggregateId: view.id,
    });
    return view;
  }

  async list(ctx: RequestContext, q: ListPendingIssuancesQuery): Promise<PendingIssuancePage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const where: string[] = ['true'];
      const params: unknown[] = [];
      if (!seesAllRecords(ctx)) where.push(`$${params.push(ctx.orgId)} = ANY(p.participant_org_ids)`);
      if (q.status) where.push(`p.status = $${params.push(q.status)}`);
      const [{ n }]: { n: string }[] = await m.query(
        `SELECT count(*)::text AS n FROM credits.pending_issuance p WHERE ${where.join(' AND ')}`,
        params,
      );
      const rows: PendingRow[] = await m.query(
        `${SELECT_PENDING} WHERE ${where.join(' AND ')} ORDER BY p.created_at, p.id LIMIT ${q.limit} OFFSET ${q.offset}`,
        params,
      );
      return { items: rows.map(toView), total: Number(n) };
    });
  }

  async confirm(ctx: RequestContext, cmd: ConfirmPendingIssuanceCommand): Promise<ConfirmedIssuance> {
    return runOnce(this.ds, ctx, 'issuance.confirm', cmd, async (m) => {
      const pending = await this.load(m, cmd.id, true);
      if (pending.status !== 'PENDING')
        throw new DomainError('RULE_VIOLATION', `This issuance is already ${pending.status.toLowerCase()}.`);
      if (!pending.projectId) {
        throw new DomainError(
          'RULE_VIOLATION',
          `Project ${pending.projectReference} is not registered in the registry yet: register it first.`,
        );
      }
      const issuance = await this.issuances.issue(m, ctx, {
        projectId: pending.projectId,
        registry: pending.registry,
        monitoringPeriod: pending.monitoringPeriod,
        jointCommitteeDecisionRef: cmd.jointCommitteeDecisionRef,
        vintage: cmd.vintage ?? pending.suggestedVintage,
        quantity: pending.quantity,
        participantAllocations: cmd.participantAllocations,
      });
      await m.query(
        `UPDATE credits.pending_issuance SET status = 'CONFIRMED', issuance_id = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
        [cmd.id, issuance.id, ctx.userId],
      );
      return { pendingIssuance: await this.load(m, cmd.id, false), issuance };
    });
  }

  async reject(ctx: RequestContext, cmd: RejectPendingIssuanceCommand): Promise<PendingIssuanceView> {
    return runOnce(this.ds, ctx, 'issuance.reject', cmd, async (m) => {
      const pending = await this.load(m, cmd.id, true);
      const [registry]: { manager_org_id: string }[] = await m.query(
        `SELECT manager_org_id FROM credits.registry WHERE code = $1`,
        [pending.registry],
      );
      if (!registry || !canManageRegistry(ctx, registry.manager_org_id)) {
        throw new DomainError('FORBIDDEN', 'Only the registry manager rejects a pending issuance.');
      }
      if (pending.status !== 'PENDING')
        throw new DomainError('RULE_VIOLATION', `This issuance is already ${pending.status.toLowerCase()}.`);
      await m.query(
        `UPDATE credits.pending_issuance SET status = 'REJECTED', rejection_reason = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
        [cmd.id, cmd.reason, ctx.userId],
      );
      const view = await this.load(m, cmd.id, false);
      await appendToOutbox(m, 'credits', CREDITS_EVENTS.issuance.rejected, view, ctx, {
        aggregateId: view.id,
      });
      return view;
    });
  }

  /** Under the transaction's current RLS scope: a pending issuance the caller may not see is reported as missing. */
  private async load(m: EntityManager, id: string, forUpdate: boolean): Promise<PendingIssuanceView> {
    const [row]: PendingRow[] = await m.query(
      `${SELECT_PENDING} WHERE p.id = $1${forUpdate ? ' FOR UPDATE OF p' : ''}`,
      [id],
    );
    if (!row) throw new DomainError('NOT_FOUND', `Pending issuance ${id} not found`);
    return toView(row);
  }
}

function toView(r: PendingRow): PendingIssuanceView {
  return {
    id: r.id,
    monitoringReportId: r.monitoring_report_id,
    sourceEventId: r.source_event_id,
    projectReference: r.project_reference,
    projectId: r.project_id,
    registry: r.registry,
    monitoringPeriod: { start: r.monitoring_start, end: r.monitoring_end },
    quantity: r.quantity,
    suggestedVintage: r.suggested_vintage,
    tpeOrgId: r.tpe_org_id,
    verificationDate: r.verification_date,
    status: r.status,
    issuanceId: r.issuance_id,
    rejectionReason: r.rejection_reason,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
