import { settlementTotals } from './settlement-rules';

// The cumulative check (C3P-ST1) is a rule of @jcm/rules: year-end-rules.spec.ts.
describe('精算報告 rules', () => {
  it('totals the expense lines with 10% consumption tax, floored (fixture B3/B5)', () => {
    expect(settlementTotals([{ category: '人件費', amountYen: 18_181_818 }], 'C3P_FY2026_CALL1')).toEqual({
      subtotalExclTaxYen: 18_181_818,
      consumptionTaxYen: 1_818_181,
      totalInclTaxYen: 19_999_999,
    });
    const b5 = settlementTotals(
      [
        { category: '人件費', amountYen: 6_000_000 },
        { category: '会議費', amountYen: 5_000_000 },
        { category: '外注費', amountYen: 6_050_000 },
        { category: '一般管理費', amountYen: 1_100_000 },
      ],
      'C3P_FY2026_CALL1',
    );
    expect(b5.totalInclTaxYen).toBe(19_965_000);
  });
});
