import { settledWithinContract, settlementTotals } from './settlement-rules';

describe('精算報告 rules', () => {
  it('allows a cumulative settlement up to the contract amount and refuses one yen more, citing the sources', () => {
    expect(settledWithinContract(19_965_000, 8_855_000, 11_110_000)).toEqual([]);
    const [f] = settledWithinContract(19_965_000, 8_855_000, 11_110_001);
    expect(f).toMatchObject({ ruleId: 'C3P-S1', severity: 'error', message_ja: '精算累計額19,965,001円（税込）が契約金額19,965,000円を超えています。' });
    expect(f.source).toContain('city-partnerships.md §2.5');
  });

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
