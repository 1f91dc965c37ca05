import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnnualContractPage,
  AnnualContractView,
  canReviewProposals,
  CONTRACT_ADJUSTABLE_STATES,
  CONTRACT_TRANSITION_EVENTS,
  CONTRACT_TRANSITIONS,
  ContractTransitionCommand,
  isContractor,
  ListContractsQuery,
  PARTNERSHIP_EVENTS,
  ReduceContractCommand,
  RequestContext,
  UpdateContractCommand,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { annualBudgetWithinCap, reduceContractAmount } from '@jcm/rules';
import { checkLines, presetOf } from '../programme-shared/budget';
import { Clock, PROGRAMME_CLOCK, todayUtc } from '../programme-shared/clock';
import { assertState, filters, forbidden, notFound, pageRows, tenantFilter, yenFrom } from '../programme-shared/programme-sql';
import { refuseOnErrors } from '../programme-shared/rule-findings';
import { assertMilestoneRecords } from './contract-milestones';
import { amountHistories, CONTRACT_COLUMNS, CONTRACT_FROM, ContractRow, loadContractView, toContractView } from './annual-contract.rows';

/** 単年度契約: amount scrutiny (精査), signing, the yearly milestones, reductions (減額) and suspension (中止). */
@Injectable()
export class AnnualContractService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(PROGRAMME_CLOCK) private readonly clock: Clock,
  ) {}

  /** During negotiation: the contractor revises the budget lines, MOE fixes the amount; nothing is saved on refusal. */
  async update(ctx: RequestContext, cmd: UpdateContractCommand): Promise<AnnualContractView> {
    return this.mutate(ctx, cmd.id, async (m, c) => {
      const reviewer = canReviewProposals(ctx);
      if (!reviewer && !isContractor(ctx, c.company.orgId)) throw forbidden('Only MOE, the secretariat or the contractor revise a contract.');
      if (cmd.contractAmountYen !== undefined && !reviewer) throw forbidden('Only MOE or the secretariat set the contract amount.');
      assertState('contract', c.state, ['negotiation'], 'revise');
      const lines = cmd.budgetLines ?? c.budget_lines;
      const amount = cmd.contractAmountYen ?? yenFrom(c.contract_amount_yen);
      const requestedYen = yenFrom(c.requested_yen);
      const preset = presetOf(c.preset_id);
      // 契約金額 ≤ 申請金額 ≤ 上限 (§7.1 B1/B7), and the lines within the cap and the outsourcing half (B4).
      const findings = [...checkLines(lines, c.preset_id, { requestedYen, contractYen: amount }).findings, ...annualBudgetWithinCap(amount, preset)];
      refuseOnErrors(findings, 'Contract budget');
      await m.query(
        `UPDATE partnership.annual_contract SET budget_lines = $2, contract_amount_yen = $3, updated_at = now() WHERE id = $1`,
        [c.id, JSON.stringify(lines), amount],
      );
      return PARTNERSHIP_EVENTS.annualContract.updated.type;
    });
  }

  async transition(ctx: RequestContext, cmd: ContractTransitionCommand): Promise<AnnualContractView> {
    const t = CONTRACT_TRANSITIONS[cmd.action];
    return this.mutate(ctx, cmd.id, async (m, c) => {
      // The contractor hands in its deliverables; every other step is MOE's (§1.3: 契約 A, 報告会 A, 中止 A).
      const allowed = cmd.action === 'submit-deliverables' ? isContractor(ctx, c.company.orgId) || canReviewProposals(ctx) : canReviewProposals(ctx);
      if (!allowed) throw forbidden(`Not permitted to ${cmd.action} this contract.`);
      assertState('contract', c.state, t.from, cmd.action);
      await assertMilestoneRecords(m, c.id, cmd.action);
      await m.query(`UPDATE partnership.annual_contract SET state = $2, updated_at = now() WHERE id = $1`, [c.id, t.to]);
      if (cmd.action === 'sign' || cmd.action === 'suspend') {
        await m.query(
          `INSERT INTO partnership.contract_amount_change (contract_id, amount_yen, reason, effective_date, note, participant_org_ids)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [c.id, c.contract_amount_yen, cmd.action === 'sign' ? 'CONTRACTED' : 'SUSPENDED', todayUtc(this.clock), cmd.note ?? null, c.participant_org_ids],
        );
      }
      return CONTRACT_TRANSITION_EVENTS[cmd.action].type;
    });
  }

  /** 減額: idempotent under the Idempotency-Key; without one, a replay is refused because the amount must fall. */
  async reduce(ctx: RequestContext, cmd: ReduceContractCommand): Promise<AnnualContractView> {
    if (!canReviewProposals(ctx)) throw forbidden('Only MOE or the secretariat reduce a contract.');
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const c = await this.find(m, ctx, cmd.id, true);
      if (ctx.idempotencyKey) {
        const [seen] = await m.query(`SELECT 1 FROM partnership.contract_amount_change WHERE contract_id = $1 AND idempotency_key = $2`, [c.id, ctx.idempotencyKey]);
        if (seen) return (await loadContractView(m, c.id));
      }
      assertState('contract', c.state, CONTRACT_ADJUSTABLE_STATES, 'reduce');
      const history = (await amountHistories(m, [c.id])).get(c.id) ?? [];
      const result = reduceContractAmount(
        history.map((h) => ({ amountYen: h.amountYen, effectiveDate: h.effectiveDate, reason: h.reason === 'REDUCED' ? 'REDUCED' : 'CONTRACTED' })),
        cmd.newAmountYen,
        cmd.effectiveDate,
      );
      refuseOnErrors(result.findings, 'Reduction');
      await m.query(
        `INSERT INTO partnership.contract_amount_change (contract_id, amount_yen, reason, effective_date, note, idempotency_key, participant_org_ids)
         VALUES ($1, $2, 'REDUCED', $3, $4, $5, $6)`,
        [c.id, cmd.newAmountYen, cmd.effectiveDate, cmd.note, ctx.idempotencyKey ?? null, c.participant_org_ids],
      );
      await m.query(`UPDATE partnership.annual_contract SET contract_amount_yen = $2, updated_at = now() WHERE id = $1`, [c.id, cmd.newAmountYen]);
      const view = (await loadContractView(m, c.id));
      await appendToOutbox(m, 'partnership', PARTNERSHIP_EVENTS.annualContract.reduced.type, view, ctx);
      return view;
    });
  }

  async list(ctx: RequestContext, q: ListContractsQuery): Promise<AnnualContractPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [];
      const where = [tenantFilter(ctx, 'c', params)];
      filters(where, params, [
        ['c.fiscal_year', q.fiscalYear],
        ['c.state', q.state],
        ['c.partnership_id', q.partnershipId],
      ]);
      const { rows, total } = await pageRows<ContractRow>(m, CONTRACT_COLUMNS, {
        from: `${CONTRACT_FROM} WHERE ${where.join(' AND ')}`,
        params,
        sort: q.sort,
        sortColumns: { createdAt: 'c.created_at', fiscalYear: 'c.fiscal_year', contractAmountYen: 'c.contract_amount_yen' },
        limit: q.limit,
        offset: q.offset,
      });
      const histories = await amountHistories(m, rows.map((r) => r.id));
      return { items: rows.map((r) => toContractView(r, histories.get(r.id) ?? [])), total };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<AnnualContractView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const c = await this.find(m, ctx, id);
      return toContractView(c, (await amountHistories(m, [id])).get(id) ?? []);
    });
  }

  private async find(m: EntityManager, ctx: RequestContext, id: string, forUpdate = false): Promise<ContractRow> {
    const params: unknown[] = [id];
    const [row] = await m.query(
      `SELECT ${CONTRACT_COLUMNS} ${CONTRACT_FROM} WHERE c.id = $1 AND ${tenantFilter(ctx, 'c', params)} ${forUpdate ? 'FOR UPDATE OF c' : ''}`,
      params,
    );
    if (!row) throw notFound('Contract', id);
    return row;
  }

  private mutate(ctx: RequestContext, id: string, work: (m: EntityManager, c: ContractRow) => Promise<string>): Promise<AnnualContractView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const eventType = await work(m, await this.find(m, ctx, id, true));
      const view = await loadContractView(m, id);
      await appendToOutbox(m, 'partnership', eventType, view, ctx);
      return view;
    });
  }
}
