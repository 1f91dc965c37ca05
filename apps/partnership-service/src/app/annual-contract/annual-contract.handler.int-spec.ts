import { randomUUID } from 'crypto';
import {
  AnnualContractPage,
  AnnualContractView,
  PARTNERSHIP_RPC,
  SettlementReportView,
} from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import { B5_BUDGET, B5_TOTAL_YEN, OVER_HALF_OUTSOURCING } from '../testing/programme-fixtures';
import { ProgrammeHarness } from '../testing/programme-harness';

describe('AnnualContractHandler: 単年度契約 (real PostgreSQL + NATS)', () => {
  const h = new ProgrammeHarness();
  let contract: AnnualContractView;
  let other: AnnualContractView;
  beforeAll(async () => {
    await h.start();
    contract = (await h.selectedContract()).contract;
    // A second call round of the same year, selected before either is signed (signed years count for 7年ルール).
    other = (await h.selectedContract(2)).contract;
  });
  afterAll(() => h.stop());

  const move = (action: string, ctx = h.as.moe) =>
    h.call(PARTNERSHIP_RPC.annualContract.transition, ctx, { id: contract.id, action }, AnnualContractView);

  it('revises the budget during 精査: accepts ¥19,965,000, refuses outsourcing above ½ and an amount above the request, saving nothing', async () => {
    const before = await h.count('outbox');
    const over = await h.refusal(PARTNERSHIP_RPC.annualContract.update, h.as.company, {
      id: contract.id,
      budgetLines: OVER_HALF_OUTSOURCING,
    });
    expect(over).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'C3P-B4' }] });
    const tooMuch = await h.refusal(PARTNERSHIP_RPC.annualContract.update, h.as.moe, {
      id: contract.id,
      contractAmountYen: B5_TOTAL_YEN + 1,
    });
    expect(tooMuch.issues?.map((i) => i.path)).toEqual(['C3P-B7']);
    expect(
      await h.refusal(PARTNERSHIP_RPC.annualContract.update, h.as.company, {
        id: contract.id,
        contractAmountYen: 1,
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.count('outbox')).toBe(before);
    expect(
      await h.call(PARTNERSHIP_RPC.annualContract.get, h.as.company, { id: contract.id }, AnnualContractView),
    ).toMatchObject({ contractAmountYen: B5_TOTAL_YEN, budgetLines: B5_BUDGET });
    const revised = await h.call(
      PARTNERSHIP_RPC.annualContract.update,
      h.as.moe,
      { id: contract.id, contractAmountYen: 17_500_000 },
      AnnualContractView,
    );
    expect(revised).toMatchObject({
      contractAmountYen: 17_500_000,
      requestedYen: B5_TOTAL_YEN,
      budget: { totalInclTaxYen: B5_TOTAL_YEN },
    });
    const [row] = await queryAs<{ amount: string }>(
      h.db.url,
      {},
      `SELECT contract_amount_yen AS amount FROM partnership.annual_contract WHERE id = $1`,
      [contract.id],
    );
    expect(row.amount).toBe('17500000'); // bigint in PostgreSQL, integer yen in the API
  });

  it('walks negotiation → contracted → … → closed for MOE only, refusing skipped steps', async () => {
    expect(
      await h.refusal(PARTNERSHIP_RPC.annualContract.transition, h.as.moe, {
        id: contract.id,
        action: 'start-work',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await h.refusal(PARTNERSHIP_RPC.annualContract.transition, h.as.company, {
        id: contract.id,
        action: 'sign',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const signed = await move('sign');
    expect(signed).toMatchObject({
      state: 'contracted',
      amountHistory: [{ amountYen: 17_500_000, reason: 'CONTRACTED' }],
    });
    expect(
      await h.refusal(PARTNERSHIP_RPC.annualContract.update, h.as.moe, {
        id: contract.id,
        contractAmountYen: 1,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    await h.heldMeeting(contract.id, 'KICKOFF', '2026-04-20');
    expect((await move('report-kickoff')).state).toBe('kickoff_reported');
    expect((await move('start-work')).state).toBe('in_progress');
  });

  it('reduces (減額) mid-year once per Idempotency-Key, keeping the history and the state', async () => {
    const key = { ...h.as.moe, idempotencyKey: randomUUID() };
    const cmd = {
      id: contract.id,
      newAmountYen: 15_000_000,
      effectiveDate: '2026-10-01',
      note: '進捗に応じた減額',
    };
    const reduced = await h.call(PARTNERSHIP_RPC.annualContract.reduce, key, cmd, AnnualContractView);
    const replay = await h.call(PARTNERSHIP_RPC.annualContract.reduce, key, cmd, AnnualContractView);
    expect(replay).toEqual(reduced);
    expect(reduced).toMatchObject({ state: 'in_progress', contractAmountYen: 15_000_000 });
    expect(reduced.amountHistory.map((a) => [a.reason, a.amountYen])).toEqual([
      ['CONTRACTED', 17_500_000],
      ['REDUCED', 15_000_000],
    ]);
    const up = await h.refusal(PARTNERSHIP_RPC.annualContract.reduce, h.as.moe, {
      ...cmd,
      newAmountYen: 16_000_000,
    });
    expect(up).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'C3P-B8' }] });
    expect(await h.refusal(PARTNERSHIP_RPC.annualContract.reduce, h.as.yokohama, cmd)).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('finishes the year: interim, final, deliverables by the contractor, settlement, close; then refuses suspension', async () => {
    await h.heldMeeting(contract.id, 'INTERIM', '2026-10-15');
    expect((await move('report-interim')).state).toBe('interim_reported');
    await h.heldMeeting(contract.id, 'FINAL', '2026-11-02');
    expect((await move('report-final')).state).toBe('final_reported');
    expect(
      await h.refusal(PARTNERSHIP_RPC.annualContract.transition, h.as.yokohama, {
        id: contract.id,
        action: 'submit-deliverables',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await h.submitAllDeliverables(contract.id);
    expect((await move('submit-deliverables', h.as.company)).state).toBe('deliverables_submitted');
    expect(
      await h.refusal(PARTNERSHIP_RPC.annualContract.transition, h.as.moe, {
        id: contract.id,
        action: 'suspend',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    const settlement = await h.call(
      PARTNERSHIP_RPC.settlementReport.create,
      h.as.company,
      {
        contractId: contract.id,
        periodFrom: '2026-04-01',
        periodTo: '2026-09-30',
        lines: [{ category: '人件費', amountYen: 5_000_000 }],
      },
      SettlementReportView,
    );
    await h.call(
      PARTNERSHIP_RPC.settlementReport.submit,
      h.as.company,
      { id: settlement.id },
      SettlementReportView,
    );
    await h.call(
      PARTNERSHIP_RPC.settlementReport.accept,
      h.as.moe,
      { id: settlement.id },
      SettlementReportView,
    );
    expect((await move('settle')).state).toBe('settled');
    expect((await move('close')).state).toBe('closed');
  });

  it('suspends (中止) another contract and records it in the history', async () => {
    await h.call(
      PARTNERSHIP_RPC.annualContract.transition,
      h.as.moe,
      { id: other.id, action: 'sign' },
      AnnualContractView,
    );
    const suspended = await h.call(
      PARTNERSHIP_RPC.annualContract.transition,
      h.as.moe,
      { id: other.id, action: 'suspend', note: '中止' },
      AnnualContractView,
    );
    expect(suspended.state).toBe('suspended');
    expect(suspended.amountHistory.map((a) => a.reason)).toEqual(['CONTRACTED', 'SUSPENDED']);
    expect(
      await h.refusal(PARTNERSHIP_RPC.annualContract.transition, h.as.moe, {
        id: other.id,
        action: 'report-kickoff',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('hides the contracts from Kitakyushu and lists, filters and sorts them for participants and MOE', async () => {
    expect(
      await h.refusal(PARTNERSHIP_RPC.annualContract.get, h.as.kitakyushu, { id: contract.id }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await h.call(PARTNERSHIP_RPC.annualContract.list, h.as.kitakyushu, {}, AnnualContractPage),
    ).toEqual({ items: [], total: 0 });
    const bangkok = await h.call(
      PARTNERSHIP_RPC.annualContract.list,
      h.as.bangkok,
      { sort: 'contractAmountYen' },
      AnnualContractPage,
    );
    expect(bangkok.items.map((c) => c.contractAmountYen)).toEqual([15_000_000, B5_TOTAL_YEN]);
    expect(
      (await h.call(PARTNERSHIP_RPC.annualContract.list, h.as.moe, { state: 'closed' }, AnnualContractPage))
        .total,
    ).toBe(1);
    const raw = await queryAs(
      h.db.url,
      { role: h.config.dbRole, orgId: h.org.kitakyushu, orgType: 'MUNICIPALITY' },
      'SELECT id FROM partnership.contract_amount_change',
    );
    expect(raw).toEqual([]);
  });
});
