import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnnualContractState,
  BudgetLine,
  canInspectYearEnd,
  CreateSettlementReportCommand,
  DomainError,
  isContractor,
  ListSettlementReportsQuery,
  PARTNERSHIP_EVENTS,
  PartyRef,
  RequestContext,
  ReturnSettlementReportCommand,
  SETTLEMENT_COUNTED_STATES,
  SettlementReportPage,
  SettlementReportView,
  UpdateSettlementReportCommand,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { findContract, outsideContractPeriod } from '../programme-shared/contract-lookup';
import { assertState, filters, forbidden, iso, isoAt, notFound, pageRows, tenantFilter, yenFrom } from '../programme-shared/programme-sql';
import { refuseOnErrors } from '../programme-shared/rule-findings';
import { settledWithinContract, settlementTotals } from './settlement-rules';

const COLUMNS = `s.id, s.contract_id, s.sequence, to_char(s.period_from, 'YYYY-MM-DD') AS period_from,
  to_char(s.period_to, 'YYYY-MM-DD') AS period_to, s.state, s.subtotal_excl_tax_yen, s.consumption_tax_yen,
  s.total_incl_tax_yen, s.return_comment, s.submitted_at, s.accepted_at, s.created_at, s.updated_at,
  c.company, c.state AS contract_state, c.contract_amount_yen, cr.preset_id,
  to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
  (SELECT coalesce(sum(o.total_incl_tax_yen), 0) FROM partnership.settlement_report o
    WHERE o.contract_id = s.contract_id AND o.id <> s.id AND o.state = ANY('{${SETTLEMENT_COUNTED_STATES.join(',')}}'::text[]))::bigint AS settled_elsewhere_yen`;
const FROM = `FROM partnership.settlement_report s JOIN partnership.annual_contract c ON c.id = s.contract_id
  JOIN partnership.call_round cr ON cr.id = c.call_id`;

/** A contract is settled (精算) from signing until it is settled; a suspended (中止) one still settles its costs. */
const SETTLING_CONTRACT_STATES: readonly AnnualContractState[] = [
  'contracted', 'kickoff_reported', 'in_progress', 'interim_reported', 'final_reported', 'deliverables_submitted', 'suspended',
];

interface Row {
  id: string;
  contract_id: string;
  sequence: number;
  period_from: string;
  period_to: string;
  state: SettlementReportView['state'];
  subtotal_excl_tax_yen: string;
  consumption_tax_yen: string;
  total_incl_tax_yen: string;
  return_comment: string | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  company: PartyRef;
  contract_state: AnnualContractState;
  contract_amount_yen: string;
  preset_id: string;
  start_date: string;
  end_date: string;
  settled_elsewhere_yen: string;
}

/**
 * 精算報告 (about two a year, ガイドブック §2.3, cooperating with 会計帳票の検査): the contractor reports its expenses
 * per cost category; MOE or the secretariat accept or return them. Only the contractor and MOE see them (§1.3).
 */
@Injectable()
export class SettlementReportService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async create(ctx: RequestContext, cmd: CreateSettlementReportCommand): Promise<SettlementReportView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      // The contract row is locked, so concurrent drafts get distinct sequence numbers and a consistent sum.
      const c = await findContract(m, ctx, cmd.contractId, true);
      if (!isContractor(ctx, c.company.orgId)) throw forbidden('Only the contractor drafts its settlement reports.');
      assertState('contract', c.state, SETTLING_CONTRACT_STATES, 'report a settlement for');
      refuseOnErrors(outsideContractPeriod(c, [cmd.periodFrom, cmd.periodTo]), 'Settlement report');
      const totals = settlementTotals(cmd.lines, c.preset_id);
      const elsewhere = await settledOnContract(m, c.id);
      refuseOnErrors(settledWithinContract(yenFrom(c.contract_amount_yen), elsewhere, totals.totalInclTaxYen), 'Settlement report');
      const [{ id }] = await m.query(
        `INSERT INTO partnership.settlement_report (contract_id, sequence, period_from, period_to, subtotal_excl_tax_yen,
           consumption_tax_yen, total_incl_tax_yen, participant_org_ids, created_by)
         SELECT $1::uuid, coalesce(max(sequence), 0) + 1, $2::date, $3::date, $4::bigint, $5::bigint, $6::bigint, $7::uuid[], $8::uuid FROM partnership.settlement_report WHERE contract_id = $1
         RETURNING id`,
        [c.id, cmd.periodFrom, cmd.periodTo, totals.subtotalExclTaxYen, totals.consumptionTaxYen, totals.totalInclTaxYen, [c.company.orgId], ctx.orgId],
      );
      await writeLines(m, id, cmd.lines, [c.company.orgId]);
      return this.publish(m, ctx, id, PARTNERSHIP_EVENTS.settlementReport.created.type);
    });
  }

  async update(ctx: RequestContext, cmd: UpdateSettlementReportCommand): Promise<SettlementReportView> {
    return this.mutate(ctx, cmd.id, async (m, s) => {
      this.assertContractor(ctx, s);
      assertState('settlement report', s.state, ['draft', 'returned'], 'edit');
      const periodFrom = cmd.periodFrom ?? s.period_from;
      const periodTo = cmd.periodTo ?? s.period_to;
      if (periodTo < periodFrom) {
        throw new DomainError('VALIDATION_FAILED', 'The period ends before it starts.', [{ path: 'periodTo', message: 'Must not be before periodFrom' }]);
      }
      refuseOnErrors(outsideContractPeriod(s, [periodFrom, periodTo]), 'Settlement report');
      const lines = cmd.lines ?? (await loadLines(m, [s.id])).get(s.id) ?? [];
      const totals = settlementTotals(lines, s.preset_id);
      refuseOnErrors(settledWithinContract(yenFrom(s.contract_amount_yen), yenFrom(s.settled_elsewhere_yen), totals.totalInclTaxYen), 'Settlement report');
      await m.query(
        `UPDATE partnership.settlement_report SET period_from = $2, period_to = $3, subtotal_excl_tax_yen = $4, consumption_tax_yen = $5,
           total_incl_tax_yen = $6, updated_at = now() WHERE id = $1`,
        [s.id, periodFrom, periodTo, totals.subtotalExclTaxYen, totals.consumptionTaxYen, totals.totalInclTaxYen],
      );
      if (cmd.lines) {
        await m.query(`DELETE FROM partnership.settlement_line WHERE report_id = $1`, [s.id]);
        await writeLines(m, s.id, cmd.lines, [s.company.orgId]);
      }
      return PARTNERSHIP_EVENTS.settlementReport.updated.type;
    });
  }

  async submit(ctx: RequestContext, id: string): Promise<SettlementReportView> {
    return this.mutate(ctx, id, async (m, s) => {
      this.assertContractor(ctx, s);
      assertState('settlement report', s.state, ['draft', 'returned'], 'submit');
      assertState('contract', s.contract_state, SETTLING_CONTRACT_STATES, 'submit a settlement for');
      this.assertWithinContract(s);
      await m.query(`UPDATE partnership.settlement_report SET state = 'submitted', submitted_at = now(), return_comment = NULL, updated_at = now() WHERE id = $1`, [s.id]);
      return PARTNERSHIP_EVENTS.settlementReport.submitted.type;
    });
  }

  /** 会計帳票検査 done: checked again, as a reduction (減額) may have lowered the contract amount since submission. */
  async accept(ctx: RequestContext, id: string): Promise<SettlementReportView> {
    return this.mutate(ctx, id, async (m, s) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat accept a settlement report.');
      assertState('settlement report', s.state, ['submitted'], 'accept');
      this.assertWithinContract(s);
      await m.query(`UPDATE partnership.settlement_report SET state = 'accepted', accepted_at = now(), updated_at = now() WHERE id = $1`, [s.id]);
      return PARTNERSHIP_EVENTS.settlementReport.accepted.type;
    });
  }

  async return(ctx: RequestContext, cmd: ReturnSettlementReportCommand): Promise<SettlementReportView> {
    return this.mutate(ctx, cmd.id, async (m, s) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat return a settlement report.');
      assertState('settlement report', s.state, ['submitted'], 'return');
      await m.query(`UPDATE partnership.settlement_report SET state = 'returned', return_comment = $2, updated_at = now() WHERE id = $1`, [s.id, cmd.comment]);
      return PARTNERSHIP_EVENTS.settlementReport.returned.type;
    });
  }

  async list(ctx: RequestContext, q: ListSettlementReportsQuery): Promise<SettlementReportPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [];
      const where = [tenantFilter(ctx, 's', params)];
      filters(where, params, [
        ['s.contract_id', q.contractId],
        ['s.state', q.state],
      ]);
      const { rows, total } = await pageRows<Row>(m, COLUMNS, {
        from: `${FROM} WHERE ${where.join(' AND ')}`,
        params,
        sort: q.sort,
        sortColumns: { sequence: 's.sequence', createdAt: 's.created_at', totalInclTaxYen: 's.total_incl_tax_yen' },
        limit: q.limit,
        offset: q.offset,
      });
      const lines = await loadLines(m, rows.map((r) => r.id));
      return { items: rows.map((r) => toView(r, lines.get(r.id) ?? [])), total };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<SettlementReportView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const s = await this.find(m, ctx, id);
      return toView(s, (await loadLines(m, [id])).get(id) ?? []);
    });
  }

  private assertContractor(ctx: RequestContext, s: Row): void {
    if (!isContractor(ctx, s.company.orgId)) throw forbidden('Only the contractor edits and submits its settlement reports.');
  }

  private assertWithinContract(s: Row): void {
    const findings = settledWithinContract(yenFrom(s.contract_amount_yen), yenFrom(s.settled_elsewhere_yen), yenFrom(s.total_incl_tax_yen));
    refuseOnErrors(findings, 'Settlement report');
  }

  private async find(m: EntityManager, ctx: RequestContext, id: string, forUpdate = false): Promise<Row> {
    const params: unknown[] = [id];
    const [row] = await m.query(`SELECT ${COLUMNS} ${FROM} WHERE s.id = $1 AND ${tenantFilter(ctx, 's', params)} ${forUpdate ? 'FOR UPDATE OF s, c' : ''}`, params);
    if (!row) throw notFound('Settlement report', id);
    return row;
  }

  private async publish(m: EntityManager, ctx: RequestContext, id: string, eventType: string): Promise<SettlementReportView> {
    const view = toView(await this.find(m, ctx, id), (await loadLines(m, [id])).get(id) ?? []);
    await appendToOutbox(m, 'partnership', eventType, view, ctx);
    return view;
  }

  private mutate(ctx: RequestContext, id: string, work: (m: EntityManager, s: Row) => Promise<string>): Promise<SettlementReportView> {
    return inTenantTransaction(this.ds, ctx, async (m) => this.publish(m, ctx, id, await work(m, await this.find(m, ctx, id, true))));
  }
}

/** What the contract's submitted and accepted reports settle, tax included. */
async function settledOnContract(m: EntityManager, contractId: string): Promise<number> {
  const [{ sum }] = await m.query(
    `SELECT coalesce(sum(total_incl_tax_yen), 0)::bigint AS sum FROM partnership.settlement_report WHERE contract_id = $1 AND state = ANY($2::text[])`,
    [contractId, SETTLEMENT_COUNTED_STATES],
  );
  return yenFrom(sum);
}

async function writeLines(m: EntityManager, reportId: string, lines: readonly BudgetLine[], participants: string[]): Promise<void> {
  for (const [i, l] of lines.entries()) {
    await m.query(
      `INSERT INTO partnership.settlement_line (report_id, position, category, amount_yen, note, participant_org_ids) VALUES ($1, $2, $3, $4, $5, $6)`,
      [reportId, i + 1, l.category, l.amountYen, l.note ?? null, participants],
    );
  }
}

async function loadLines(m: EntityManager, ids: string[]): Promise<Map<string, BudgetLine[]>> {
  const out = new Map<string, BudgetLine[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows: { report_id: string; category: BudgetLine['category']; amount_yen: string; note: string | null }[] = await m.query(
    `SELECT report_id, category, amount_yen, note FROM partnership.settlement_line WHERE report_id = ANY($1::uuid[]) ORDER BY report_id, position`,
    [ids],
  );
  for (const r of rows) out.get(r.report_id)?.push({ category: r.category, amountYen: yenFrom(r.amount_yen), ...(r.note === null ? {} : { note: r.note }) });
  return out;
}

function toView(r: Row, lines: BudgetLine[]): SettlementReportView {
  return {
    id: r.id,
    contractId: r.contract_id,
    sequence: r.sequence,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    state: r.state,
    lines,
    subtotalExclTaxYen: yenFrom(r.subtotal_excl_tax_yen),
    consumptionTaxYen: yenFrom(r.consumption_tax_yen),
    totalInclTaxYen: yenFrom(r.total_incl_tax_yen),
    contractAmountYen: yenFrom(r.contract_amount_yen),
    settledElsewhereYen: yenFrom(r.settled_elsewhere_yen),
    returnComment: r.return_comment,
    submittedAt: iso(r.submitted_at),
    acceptedAt: iso(r.accepted_at),
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
