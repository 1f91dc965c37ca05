import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
  PARTNERSHIP_RPC,
  ReduceContractCommand,
  RequestContext,
  UpdateContractCommand,
} from '@jcm/contracts';
import { Aggregate, assertState, Clock, CLOCK, DATA_SOURCE, forbidden, todayUtc } from '@jcm/service-kit';
import { annualBudgetWithinCap, reduceContractAmount } from '@jcm/rules';
import { checkLines, presetOf } from '../programme-shared/budget';
import { refuseOnErrors } from '../programme-shared/rule-findings';
import { assertMilestoneRecords } from './contract-milestones';
import {
  amountHistories,
  ANNUAL_CONTRACT,
  CONTRACT_AMOUNT_CHANGE,
  CONTRACT_SOURCE,
  ContractRow,
  contractView,
  toContractView,
} from './annual-contract.rows';

/** 単年度契約: amount scrutiny (精査), signing, the yearly milestones, reductions (減額) and suspension (中止). */
@Injectable()
export class AnnualContractService {
  private readonly contracts;

  constructor(
    @Inject(DATA_SOURCE) ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.contracts = new Aggregate(ds, {
      schema: 'partnership',
      source: CONTRACT_SOURCE,
      view: (r: ContractRow, m) => contractView(m, r),
    });
  }

  /** During negotiation: the contractor revises the budget lines, MOE fixes the amount; nothing is saved on refusal. */
  update(ctx: RequestContext, cmd: UpdateContractCommand): Promise<AnnualContractView> {
    return this.contracts.transition(ctx, cmd.id, async (m, c) => {
      const reviewer = canReviewProposals(ctx);
      if (!reviewer && !isContractor(ctx, c.company.orgId))
        throw forbidden('Only MOE, the secretariat or the contractor revise a contract.');
      if (cmd.contractAmountYen !== undefined && !reviewer)
        throw forbidden('Only MOE or the secretariat set the contract amount.');
      assertState('contract', c.state, ['negotiation'], 'revise');
      const lines = cmd.budgetLines ?? c.budget_lines;
      const amount = cmd.contractAmountYen ?? c.contract_amount_yen;
      // 契約金額 ≤ 申請金額 ≤ 上限 (§7.1 B1/B7), and the lines within the cap and the outsourcing half (B4).
      const findings = [
        ...checkLines(lines, c.preset_id, { requestedYen: c.requested_yen, contractYen: amount }).findings,
        ...annualBudgetWithinCap(amount, presetOf(c.preset_id)),
      ];
      refuseOnErrors(findings, 'Contract budget');
      await ANNUAL_CONTRACT.update(m, c.id, { budget_lines: lines, contract_amount_yen: amount });
      return PARTNERSHIP_EVENTS.annualContract.updated;
    });
  }

  transition(ctx: RequestContext, cmd: ContractTransitionCommand): Promise<AnnualContractView> {
    const t = CONTRACT_TRANSITIONS[cmd.action];
    return this.contracts.transition(ctx, cmd.id, async (m, c) => {
      // The contractor hands in its deliverables; every other step is MOE's (§1.3: 契約 A, 報告会 A, 中止 A).
      const allowed =
        cmd.action === 'submit-deliverables'
          ? isContractor(ctx, c.company.orgId) || canReviewProposals(ctx)
          : canReviewProposals(ctx);
      if (!allowed) throw forbidden(`Not permitted to ${cmd.action} this contract.`);
      assertState('contract', c.state, t.from, cmd.action);
      await assertMilestoneRecords(m, c.id, cmd.action);
      await ANNUAL_CONTRACT.update(m, c.id, { state: t.to });
      if (cmd.action === 'sign' || cmd.action === 'suspend') {
        await CONTRACT_AMOUNT_CHANGE.insert(m, {
          contract_id: c.id,
          amount_yen: c.contract_amount_yen,
          reason: cmd.action === 'sign' ? 'CONTRACTED' : 'SUSPENDED',
          effective_date: todayUtc(this.clock),
          note: cmd.note ?? null,
          participant_org_ids: c.participant_org_ids,
        });
      }
      return CONTRACT_TRANSITION_EVENTS[cmd.action];
    });
  }

  /** 減額, once per Idempotency-Key (another amount under the same key is a CONFLICT); without one, a replay is refused because the amount must fall. */
  async reduce(ctx: RequestContext, cmd: ReduceContractCommand): Promise<AnnualContractView> {
    if (!canReviewProposals(ctx)) throw forbidden('Only MOE or the secretariat reduce a contract.');
    const once = { operation: PARTNERSHIP_RPC.annualContract.reduce, body: cmd };
    return this.contracts.transition(
      ctx,
      cmd.id,
      async (m, c) => {
        assertState('contract', c.state, CONTRACT_ADJUSTABLE_STATES, 'reduce');
        const history = (await amountHistories(m, [c.id])).get(c.id) ?? [];
        const result = reduceContractAmount(
          history.map((h) => ({
            amountYen: h.amountYen,
            effectiveDate: h.effectiveDate,
            reason: h.reason === 'REDUCED' ? 'REDUCED' : 'CONTRACTED',
          })),
          cmd.newAmountYen,
          cmd.effectiveDate,
        );
        refuseOnErrors(result.findings, 'Reduction');
        await CONTRACT_AMOUNT_CHANGE.insert(m, {
          contract_id: c.id,
          amount_yen: cmd.newAmountYen,
          reason: 'REDUCED',
          effective_date: cmd.effectiveDate,
          note: cmd.note,
          idempotency_key: ctx.idempotencyKey ?? null,
          participant_org_ids: c.participant_org_ids,
        });
        await ANNUAL_CONTRACT.update(m, c.id, { contract_amount_yen: cmd.newAmountYen });
        return PARTNERSHIP_EVENTS.annualContract.reduced;
      },
      once,
    );
  }

  list(ctx: RequestContext, q: ListContractsQuery): Promise<AnnualContractPage> {
    return this.contracts.inTransaction(ctx, undefined, async (m) => {
      const sort = {
        createdAt: 'c.created_at',
        fiscalYear: 'c.fiscal_year',
        contractAmountYen: 'c.contract_amount_yen',
      };
      const { rows, total } = await CONTRACT_SOURCE.page(m, ctx, q, sort, (w) =>
        w.eq('c.fiscal_year', q.fiscalYear).eq('c.state', q.state).eq('c.partnership_id', q.partnershipId),
      );
      // One query for every contract's amount history, not one per row.
      const histories = await amountHistories(
        m,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => toContractView(r, histories.get(r.id) ?? [])), total };
    });
  }

  get(ctx: RequestContext, id: string): Promise<AnnualContractView> {
    return this.contracts.get(ctx, id);
  }
}
