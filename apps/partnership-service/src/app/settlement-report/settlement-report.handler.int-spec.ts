import { randomUUID } from 'crypto';
import {
  AnnualContractView,
  PARTNERSHIP_RPC,
  SettlementReportPage,
  SettlementReportView,
} from '@jcm/contracts';
import { queryAs } from '@jcm/testing';
import { B5_TOTAL_YEN } from '../testing/programme-fixtures';
import { ProgrammeHarness } from '../testing/programme-harness';
import { CITED, eventsOf } from '../testing/year-end-assertions';

describe('SettlementReportHandler: 精算報告 (real PostgreSQL + NATS)', () => {
  const h = new ProgrammeHarness();
  let contract: AnnualContractView;
  let first: SettlementReportView;
  let second: SettlementReportView;
  beforeAll(async () => {
    await h.start();
    contract = (await h.selectedContract()).contract;
  });
  afterAll(() => h.stop());

  // First half: ¥8,050,000 + 10% = ¥8,855,000.
  const firstHalf = () => ({
    contractId: contract.id,
    periodFrom: '2026-04-01',
    periodTo: '2026-09-30',
    lines: [
      { category: '人件費', amountYen: 3_000_000 },
      { category: '外国旅費', amountYen: 1_500_000, note: 'バンコク現地調査' },
      { category: '外注費', amountYen: 3_000_000 },
      { category: '一般管理費', amountYen: 550_000 },
    ],
  });
  const personnelOnly = (amountYen: number) => ({
    contractId: contract.id,
    periodFrom: '2026-10-01',
    periodTo: '2027-03-31',
    lines: [{ category: '人件費', amountYen }],
  });
  const counts = async () =>
    Promise.all(['settlement_report', 'settlement_line', 'outbox'].map((t) => h.count(t)));

  it('lets only the contractor draft, after signing, with valid lines and period', async () => {
    expect(await h.refusal(PARTNERSHIP_RPC.settlementReport.create, h.as.company, firstHalf())).toMatchObject(
      { code: 'CONFLICT' },
    ); // negotiation
    await h.call(
      PARTNERSHIP_RPC.annualContract.transition,
      h.as.moe,
      { id: contract.id, action: 'sign' },
      AnnualContractView,
    );
    for (const who of [h.as.moe, h.as.yokohama, h.as.bangkok, h.as.companyViewer]) {
      expect(await h.refusal(PARTNERSHIP_RPC.settlementReport.create, who, firstHalf())).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(
      await h.refusal(PARTNERSHIP_RPC.settlementReport.create, h.as.kitakyushu, firstHalf()),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await h.refusal(PARTNERSHIP_RPC.settlementReport.create, h.as.company, {
      ...firstHalf(),
      lines: [{ category: '交際費', amountYen: 1.5 }],
    });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['lines.0.category', 'lines.0.amountYen']),
    );
    const backwards = await h.refusal(PARTNERSHIP_RPC.settlementReport.create, h.as.company, {
      ...firstHalf(),
      periodTo: '2026-03-31',
    });
    expect(backwards).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'periodTo' }] });
    const outside = await h.refusal(PARTNERSHIP_RPC.settlementReport.create, h.as.company, {
      ...firstHalf(),
      periodTo: '2027-04-30',
    });
    expect(outside).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'C3P-R3' }] });
  });

  it('computes the totals with the call’s 10% consumption tax, floored, and stores integer yen as bigint', async () => {
    first = await h.call(
      PARTNERSHIP_RPC.settlementReport.create,
      h.as.company,
      firstHalf(),
      SettlementReportView,
    );
    expect(first).toMatchObject({
      sequence: 1,
      state: 'draft',
      subtotalExclTaxYen: 8_050_000,
      consumptionTaxYen: 805_000,
      totalInclTaxYen: 8_855_000,
      contractAmountYen: B5_TOTAL_YEN,
      settledElsewhereYen: 0,
      lines: firstHalf().lines,
    });
    const odd = await h.call(
      PARTNERSHIP_RPC.settlementReport.update,
      h.as.company,
      { id: first.id, lines: [{ category: '人件費', amountYen: 1_234_567 }] },
      SettlementReportView,
    );
    expect(odd).toMatchObject({ consumptionTaxYen: 123_456, totalInclTaxYen: 1_358_023 }); // ¥123,456.7 floored
    const restored = await h.call(
      PARTNERSHIP_RPC.settlementReport.update,
      h.as.company,
      { id: first.id, lines: firstHalf().lines },
      SettlementReportView,
    );
    expect(restored.totalInclTaxYen).toBe(8_855_000);
    const [row] = await queryAs<{ total: string }>(
      h.db.url,
      {},
      `SELECT total_incl_tax_yen AS total FROM partnership.settlement_report WHERE id = $1`,
      [first.id],
    );
    expect(row.total).toBe('8855000');
  });

  it('walks draft → submitted → returned → (edit) → submitted → accepted, each step for its party only', async () => {
    const id = first.id;
    expect(await h.refusal(PARTNERSHIP_RPC.settlementReport.accept, h.as.moe, { id })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await h.refusal(PARTNERSHIP_RPC.settlementReport.submit, h.as.moe, { id })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (await h.call(PARTNERSHIP_RPC.settlementReport.submit, h.as.company, { id }, SettlementReportView))
        .state,
    ).toBe('submitted');
    expect(
      await h.refusal(PARTNERSHIP_RPC.settlementReport.update, h.as.company, { id, periodTo: '2026-09-29' }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await h.refusal(PARTNERSHIP_RPC.settlementReport.submit, h.as.company, { id })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await h.refusal(PARTNERSHIP_RPC.settlementReport.accept, h.as.company, { id })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await h.refusal(PARTNERSHIP_RPC.settlementReport.return, h.as.moe, { id, comment: '' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    const returned = await h.call(
      PARTNERSHIP_RPC.settlementReport.return,
      h.as.moe,
      { id, comment: '外国旅費の領収書を添付してください。' },
      SettlementReportView,
    );
    expect(returned).toMatchObject({
      state: 'returned',
      returnComment: '外国旅費の領収書を添付してください。',
    });
    await h.call(
      PARTNERSHIP_RPC.settlementReport.update,
      h.as.company,
      { id, periodTo: '2026-09-30' },
      SettlementReportView,
    );
    expect(
      (await h.call(PARTNERSHIP_RPC.settlementReport.submit, h.as.company, { id }, SettlementReportView))
        .state,
    ).toBe('submitted');
    const accepted = await h.call(
      PARTNERSHIP_RPC.settlementReport.accept,
      h.as.moe,
      { id },
      SettlementReportView,
    );
    expect(accepted).toMatchObject({ state: 'accepted', returnComment: null });
    expect(
      await h.refusal(PARTNERSHIP_RPC.settlementReport.return, h.as.moe, { id, comment: 'x' }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await eventsOf(h, id)).toEqual([
      'partnership.settlement-report.created',
      'partnership.settlement-report.updated',
      'partnership.settlement-report.updated',
      'partnership.settlement-report.submitted',
      'partnership.settlement-report.returned',
      'partnership.settlement-report.updated',
      'partnership.settlement-report.submitted',
      'partnership.settlement-report.accepted',
    ]);
  });

  it('refuses settling more than the contract amount (C3P-ST1), leaving the database unchanged', async () => {
    // ¥19,965,000 − ¥8,855,000 = ¥11,110,000 left = ¥10,100,000 + ¥1,010,000 tax; ¥10 more pre-tax is ¥11 too many.
    const before = await counts();
    const over = await h.refusal(
      PARTNERSHIP_RPC.settlementReport.create,
      h.as.company,
      personnelOnly(10_100_010),
    );
    expect(over).toMatchObject({
      code: 'RULE_VIOLATION',
      issues: [{ path: 'C3P-ST1', message: expect.stringMatching(CITED) }],
    });
    expect(over.issues?.[0].message).toContain(
      '精算累計額19,965,011円（税込）が契約金額19,965,000円を超えています。',
    );
    expect(await counts()).toEqual(before);

    second = await h.call(
      PARTNERSHIP_RPC.settlementReport.create,
      h.as.company,
      personnelOnly(10_100_000),
      SettlementReportView,
    );
    expect(second).toMatchObject({
      sequence: 2,
      totalInclTaxYen: 11_110_000,
      settledElsewhereYen: 8_855_000,
    });
    const mid = await counts();
    const edit = await h.refusal(PARTNERSHIP_RPC.settlementReport.update, h.as.company, {
      id: second.id,
      lines: personnelOnly(10_100_010).lines,
    });
    expect(edit).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'C3P-ST1' }] });
    expect(await counts()).toEqual(mid);
    expect(
      (
        await h.call(
          PARTNERSHIP_RPC.settlementReport.get,
          h.as.company,
          { id: second.id },
          SettlementReportView,
        )
      ).totalInclTaxYen,
    ).toBe(11_110_000);
  });

  it('checks again at acceptance, after a reduction (減額) lowered the contract amount', async () => {
    await h.call(
      PARTNERSHIP_RPC.settlementReport.submit,
      h.as.company,
      { id: second.id },
      SettlementReportView,
    );
    const key = { ...h.as.moe, idempotencyKey: randomUUID() };
    await h.call(
      PARTNERSHIP_RPC.annualContract.reduce,
      key,
      { id: contract.id, newAmountYen: 19_000_000, effectiveDate: '2026-12-01', note: '減額' },
      AnnualContractView,
    );
    const before = await counts();
    const refused = await h.refusal(PARTNERSHIP_RPC.settlementReport.accept, h.as.moe, { id: second.id });
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', issues: [{ path: 'C3P-ST1' }] });
    expect(await counts()).toEqual(before);
    expect(
      (await h.call(PARTNERSHIP_RPC.settlementReport.get, h.as.moe, { id: second.id }, SettlementReportView))
        .state,
    ).toBe('submitted');
    await h.call(
      PARTNERSHIP_RPC.settlementReport.return,
      h.as.moe,
      { id: second.id, comment: '減額後の契約金額に合わせてください。' },
      SettlementReportView,
    );
    await h.call(
      PARTNERSHIP_RPC.settlementReport.update,
      h.as.company,
      { id: second.id, lines: personnelOnly(9_222_727).lines },
      SettlementReportView,
    );
    const fits = await h.call(
      PARTNERSHIP_RPC.settlementReport.submit,
      h.as.company,
      { id: second.id },
      SettlementReportView,
    );
    expect(fits.totalInclTaxYen).toBe(10_144_999); // ¥9,222,727 + ¥922,272 ≤ ¥19,000,000 − ¥8,855,000
    expect(
      (
        await h.call(
          PARTNERSHIP_RPC.settlementReport.accept,
          h.as.moe,
          { id: second.id },
          SettlementReportView,
        )
      ).state,
    ).toBe('accepted');
  });

  it('hides settlement reports from Kitakyushu, and from the municipality and the partner city (§1.3)', async () => {
    for (const who of [h.as.kitakyushu, h.as.yokohama, h.as.bangkok]) {
      expect(await h.refusal(PARTNERSHIP_RPC.settlementReport.get, who, { id: first.id })).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await h.call(PARTNERSHIP_RPC.settlementReport.list, who, {}, SettlementReportPage)).toEqual({
        items: [],
        total: 0,
      });
    }
    expect(
      await h.refusal(PARTNERSHIP_RPC.settlementReport.return, h.as.kitakyushu, {
        id: first.id,
        comment: 'x',
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const moe = await h.call(
      PARTNERSHIP_RPC.settlementReport.list,
      h.as.moe,
      { contractId: contract.id, sort: '-sequence' },
      SettlementReportPage,
    );
    expect(moe.items.map((s) => s.sequence)).toEqual([2, 1]);
    for (const [org, orgType] of [
      [h.org.kitakyushu, 'MUNICIPALITY'],
      [h.org.yokohama, 'MUNICIPALITY'],
    ] as const) {
      const raw = await queryAs(
        h.db.url,
        { role: h.config.dbRole, orgId: org, orgType },
        'SELECT id FROM partnership.settlement_line',
      );
      expect(raw).toEqual([]);
    }
  });
});
