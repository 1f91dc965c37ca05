import { adminCostCap, adminCostWithinCap } from './admin-cost-cap';
import { JCM_SUBSIDY_FY2021_23 as P } from './jcm-subsidy-preset';

describe('adminCostCap (事務費の上限, R-FIN-04) — jcm-grants.md §7 table', () => {
  it.each([
    [30_000_000, 1_950_000],
    [50_000_000, 3_250_000],
    [80_000_000, 4_900_000],
    [100_000_000, 6_000_000],
    [200_000_000, 10_500_000],
    [1_000_000_000, 46_500_000],
    [0, 0],
  ])('base ¥%i → cap ¥%i', (base, cap) => expect(adminCostCap(base, P)).toBe(cap));

  it('flags admin cost above the cap', () => {
    expect(adminCostWithinCap(6_000_001, 100_000_000, P).findings[0].ruleId).toBe('R-FIN-04');
    expect(adminCostWithinCap(6_000_000, 100_000_000, P).findings).toEqual([]);
  });
});
