import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnnualContractState,
  canInspectYearEnd,
  CreateSettlementReportCommand,
  DomainError,
  isContractor,
  ListSettlementReportsQuery,
  PARTNERSHIP_EVENTS,
  PARTNERSHIP_RPC,
  RequestContext,
  ReturnSettlementReportCommand,
  SettlementReportPage,
  SettlementReportView,
  UpdateSettlementReportCommand,
} from '@jcm/contracts';
import { Aggregate, assertState, DATA_SOURCE, forbidden, NOW } from '@jcm/service-kit';
import { CONTRACT_SOURCE } from '../annual-contract/annual-contract.rows';
import { outsideContractPeriod } from '../programme-shared/contract-period';
import { refuseOnErrors } from '../programme-shared/rule-findings';
import { settledWithinContract } from '@jcm/rules';
import { settlementTotals } from './settlement-rules';
import {
  loadLines,
  nextSequence,
  SETTLEMENT_LINE,
  SETTLEMENT_REPORT,
  SETTLEMENT_REPORT_SOURCE,
  settledOnContract,
  SettlementReportRow,
  toSettlementReportView,
  writeLines,
} from './settlement-report.rows';

/** A contract is settled (精算) from signing until it is settled; a suspended (中止) one still settles its costs. */
const SETTLING_CONTRACT_STATES: readonly AnnualContractState[] = [
  'contracted',
  'kickoff_reported',
  'in_progress',
  'interim_reported',
  'final_reported',
  'deliverables_submitted',
  'suspended',
];

/**
 * 精算報告 (about two a year, ガイドブック §2.3, cooperating with 会計帳票の検査): the contractor reports its expenses
 * per cost category; MOE or the secretariat accept or return them. Only the contractor and MOE see them (§1.3).
 */
@Injectable()
export class SettlementReportService {
  private readonly reports;

  constructor(@Inject(DATA_SOURCE) ds: DataSource) {
    this.reports = new Aggregate(ds, {
      schema: 'partnership',
      source: SETTLEMENT_REPORT_SOURCE,
      view: async (r: SettlementReportRow, m) =>
        toSettlementReportView(r, (await loadLines(m, [r.id])).get(r.id) ?? []),
    });
  }

  /** Once per Idempotency-Key: a retried draft answers the first report instead of numbering a second one. */
  create(ctx: RequestContext, cmd: CreateSettlementReportCommand): Promise<SettlementReportView> {
    return this.reports.create(
      ctx,
      { operation: PARTNERSHIP_RPC.settlementReport.create, body: cmd },
      async (m) => {
        // The contract row is locked, so concurrent drafts get distinct sequence numbers and a consistent sum.
        const c = await CONTRACT_SOURCE.find(m, ctx, cmd.contractId, { lock: true });
        if (!isContractor(ctx, c.company.orgId))
          throw forbidden('Only the contractor drafts its settlement reports.');
        assertState('contract', c.state, SETTLING_CONTRACT_STATES, 'report a settlement for');
        refuseOnErrors(outsideContractPeriod(c, [cmd.periodFrom, cmd.periodTo]), 'Settlement report');
        const totals = settlementTotals(cmd.lines, c.preset_id);
        const elsewhere = await settledOnContract(m, c.id);
        refuseOnErrors(
          settledWithinContract(c.contract_amount_yen, elsewhere, totals.totalInclTaxYen),
          'Settlement report',
        );
        const report = await SETTLEMENT_REPORT.insert(m, {
          contract_id: c.id,
          sequence: await nextSequence(m, c.id),
          period_from: cmd.periodFrom,
          period_to: cmd.periodTo,
          subtotal_excl_tax_yen: totals.subtotalExclTaxYen,
          consumption_tax_yen: totals.consumptionTaxYen,
          total_incl_tax_yen: totals.totalInclTaxYen,
          participant_org_ids: [c.company.orgId],
          created_by: ctx.userId,
        });
        await writeLines(m, report.id, cmd.lines, [c.company.orgId]);
        return { id: report.id, outcome: PARTNERSHIP_EVENTS.settlementReport.created };
      },
    );
  }

  async update(ctx: RequestContext, cmd: UpdateSettlementReportCommand): Promise<SettlementReportView> {
    return this.reports.transition(ctx, cmd.id, async (m, s) => {
      this.assertContractor(ctx, s);
      assertState('settlement report', s.state, ['draft', 'returned'], 'edit');
      const periodFrom = cmd.periodFrom ?? s.period_from;
      const periodTo = cmd.periodTo ?? s.period_to;
      if (periodTo < periodFrom) {
        throw new DomainError('VALIDATION_FAILED', 'The period ends before it starts.', [
          { path: 'periodTo', message: 'Must not be before periodFrom' },
        ]);
      }
      refuseOnErrors(outsideContractPeriod(s, [periodFrom, periodTo]), 'Settlement report');
      const lines = cmd.lines ?? (await loadLines(m, [s.id])).get(s.id) ?? [];
      const totals = settlementTotals(lines, s.preset_id);
      refuseOnErrors(
        settledWithinContract(s.contract_amount_yen, s.settled_elsewhere_yen, totals.totalInclTaxYen),
        'Settlement report',
      );
      await SETTLEMENT_REPORT.update(m, s.id, {
        period_from: periodFrom,
        period_to: periodTo,
        subtotal_excl_tax_yen: totals.subtotalExclTaxYen,
        consumption_tax_yen: totals.consumptionTaxYen,
        total_incl_tax_yen: totals.totalInclTaxYen,
      });
      if (cmd.lines) {
        await m.query(`DELETE FROM ${SETTLEMENT_LINE.name} WHERE report_id = $1`, [s.id]);
        await writeLines(m, s.id, cmd.lines, [s.company.orgId]);
      }
      return PARTNERSHIP_EVENTS.settlementReport.updated;
    });
  }

  async submit(ctx: RequestContext, id: string): Promise<SettlementReportView> {
    return this.reports.transition(ctx, id, async (m, s) => {
      this.assertContractor(ctx, s);
      assertState('settlement report', s.state, ['draft', 'returned'], 'submit');
      assertState('contract', s.contract_state, SETTLING_CONTRACT_STATES, 'submit a settlement for');
      this.assertWithinContract(s);
      await SETTLEMENT_REPORT.update(m, s.id, {
        state: 'submitted',
        submitted_at: NOW,
        return_comment: null,
      });
      return PARTNERSHIP_EVENTS.settlementReport.submitted;
    });
  }

  /** 会計帳票検査 done: checked again, as a reduction (減額) may have lowered the contract amount since submission. */
  async accept(ctx: RequestContext, id: string): Promise<SettlementReportView> {
    return this.reports.transition(ctx, id, async (m, s) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat accept a settlement report.');
      assertState('settlement report', s.state, ['submitted'], 'accept');
      this.assertWithinContract(s);
      await SETTLEMENT_REPORT.update(m, s.id, { state: 'accepted', accepted_at: NOW });
      return PARTNERSHIP_EVENTS.settlementReport.accepted;
    });
  }

  async return(ctx: RequestContext, cmd: ReturnSettlementReportCommand): Promise<SettlementReportView> {
    return this.reports.transition(ctx, cmd.id, async (m, s) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat return a settlement report.');
      assertState('settlement report', s.state, ['submitted'], 'return');
      await SETTLEMENT_REPORT.update(m, s.id, { state: 'returned', return_comment: cmd.comment });
      return PARTNERSHIP_EVENTS.settlementReport.returned;
    });
  }

  list(ctx: RequestContext, q: ListSettlementReportsQuery): Promise<SettlementReportPage> {
    return this.reports.inTransaction(ctx, undefined, async (m) => {
      const sort = {
        sequence: 's.sequence',
        createdAt: 's.created_at',
        totalInclTaxYen: 's.total_incl_tax_yen',
      };
      const { rows, total } = await SETTLEMENT_REPORT_SOURCE.page(m, ctx, q, sort, (w) =>
        w.eq('s.contract_id', q.contractId).eq('s.state', q.state),
      );
      // One query for every report's lines, not one per row.
      const lines = await loadLines(
        m,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => toSettlementReportView(r, lines.get(r.id) ?? [])), total };
    });
  }

  get(ctx: RequestContext, id: string): Promise<SettlementReportView> {
    return this.reports.get(ctx, id);
  }

  private assertContractor(ctx: RequestContext, s: SettlementReportRow): void {
    if (!isContractor(ctx, s.company.orgId))
      throw forbidden('Only the contractor edits and submits its settlement reports.');
  }

  private assertWithinContract(s: SettlementReportRow): void {
    const findings = settledWithinContract(
      s.contract_amount_yen,
      s.settled_elsewhere_yen,
      s.total_incl_tax_yen,
    );
    refuseOnErrors(findings, 'Settlement report');
  }
}
