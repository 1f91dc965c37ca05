import { annualBudgetWithinCap, outsourcingLimit, reduceContractAmount } from './budget-rules';
import { C3P_FY2026_CALL1 as P } from './c3p-preset';
import { checkC3pBudget, C3pBudgetInput } from './check-c3p-budget';
import { classifyPurchase } from './purchase-classification';

describe('C3P annual budget — city-partnerships.md §7.1', () => {
  it('B1: ¥20,000,000 incl. tax is accepted (equal to the cap)', () =>
    expect(annualBudgetWithinCap(20_000_000, P)).toEqual([]));
  it('B2: ¥20,000,001 incl. tax is rejected', () =>
    expect(annualBudgetWithinCap(20_000_001, P)[0]).toMatchObject({ ruleId: 'C3P-B1', severity: 'error' }));
  it('B3: pre-tax ¥18,181,818 → tax ¥1,818,181 → ¥19,999,999', () => {
    const r = checkC3pBudget({ personnelYen: 18_181_818 }, P);
    expect(r).toMatchObject({ consumptionTaxYen: 1_818_181, totalInclTaxYen: 19_999_999, withinCap: true });
  });
  it('pre-tax ¥18,181,819 → ¥20,000,000 OK; ¥18,181,820 → ¥20,000,002 rejected', () => {
    expect(checkC3pBudget({ personnelYen: 18_181_819 }, P).totalInclTaxYen).toBe(20_000_000);
    const over = checkC3pBudget({ personnelYen: 18_181_820 }, P);
    expect(over.withinCap).toBe(false);
    expect(over.findings[0].ruleId).toBe('C3P-B1');
  });
  it('B4: outsourcing limit ½ × ¥12,100,000 = ¥6,050,000; ¥6,050,001 rejected', () => {
    expect(outsourcingLimit(11_000_000, 1_100_000, P)).toBe(6_050_000);
    const base = {
      personnelYen: 6_000_000,
      operatingCosts: { 外国旅費: 3_000_000, 雑役務費: 2_000_000 },
      generalAdminYen: 1_100_000,
    };
    expect(
      checkC3pBudget({ ...base, outsourcingYen: 6_050_000 }, P).findings.filter(
        (f) => f.severity === 'error',
      ),
    ).toEqual([]);
    expect(checkC3pBudget({ ...base, outsourcingYen: 6_050_001 }, P).findings.map((f) => f.ruleId)).toContain(
      'C3P-B4',
    );
  });
  it('B5: ¥18,150,000 + tax ¥1,815,000 = ¥19,965,000 incl. tax is accepted', () => {
    const r = checkC3pBudget(
      {
        personnelYen: 6_000_000,
        operatingCosts: { 外国旅費: 3_000_000, 雑役務費: 2_000_000 },
        outsourcingYen: 6_050_000,
        generalAdminYen: 1_100_000,
        declaredConsumptionTaxYen: 1_815_000,
        requestedTotalYen: 19_965_000,
      },
      P,
    );
    expect(r).toMatchObject({
      directCostYen: 11_000_000,
      subtotalExclTaxYen: 18_150_000,
      consumptionTaxYen: 1_815_000,
      totalInclTaxYen: 19_965_000,
      outsourcingLimitYen: 6_050_000,
      withinCap: true,
    });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('B7: contract ¥17,500,000 ≤ requested ¥19,800,000; contract above request rejected', () => {
    const base = { personnelYen: 18_000_000, requestedTotalYen: 19_800_000 };
    expect(
      checkC3pBudget({ ...base, contractAmountYen: 17_500_000 }, P).findings.map((f) => f.ruleId),
    ).not.toContain('C3P-B7');
    expect(
      checkC3pBudget({ ...base, contractAmountYen: 19_800_001 }, P).findings.map((f) => f.ruleId),
    ).toContain('C3P-B7');
  });
  it('B8: 減額 ¥17,500,000 → ¥15,000,000 keeps the history; an increase is refused', () => {
    const h = [{ amountYen: 17_500_000, effectiveDate: '2026-05-01', reason: 'CONTRACTED' as const }];
    const r = reduceContractAmount(h, 15_000_000, '2026-10-01');
    expect(r.history.map((x) => x.amountYen)).toEqual([17_500_000, 15_000_000]);
    expect(reduceContractAmount(h, 18_000_000, '2026-10-01').findings[0].ruleId).toBe('C3P-B8');
  });
  it('schema rejects fractional yen', () =>
    expect(C3pBudgetInput.safeParse({ personnelYen: 0.5 }).success).toBe(false));
});

describe('classifyPurchase (備品費 / 消耗品費) — B6', () => {
  it('¥200,000 with a 5-year life → 備品費', () =>
    expect(classifyPurchase({ unitPriceYen: 200_000, durableYears: 5 }, P).category).toBe('備品費'));
  it('¥199,999 → 消耗品費', () =>
    expect(classifyPurchase({ unitPriceYen: 199_999, durableYears: 5 }, P).category).toBe('消耗品費'));
  it('¥250,000 lab glassware (fragile) → 消耗品費', () =>
    expect(classifyPurchase({ unitPriceYen: 250_000, durableYears: 5, fragile: true }, P).category).toBe(
      '消耗品費',
    ));
  it('¥300,000 reagent lasting 1 year / map data useful 2 years → 消耗品費', () => {
    expect(classifyPurchase({ unitPriceYen: 300_000, durableYears: 1 }, P).category).toBe('消耗品費');
    expect(classifyPurchase({ unitPriceYen: 300_000, durableYears: 5, usefulForYears: 2 }, P).category).toBe(
      '消耗品費',
    );
  });
});
