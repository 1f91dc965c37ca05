import { JCM_SUBSIDY_FY2021_23 as P, knownSimilarProjectCount } from './jcm-subsidy-preset';
import {
  ecoLeaseMaxSubsidy,
  ecoLeaseRate,
  maxSubsidyByTechnology,
  perProjectGuideline,
  subsidyRateCap,
} from './subsidy-rate-cap';

describe('subsidyRateCap (補助率の上限) — jcm-grants.md §7', () => {
  it.each([
    [0, '0.5'],
    [1, '0.4'],
    [3, '0.4'],
    [4, '0.3'],
    [15, '0.3'],
  ])('count %i → %s', (count, cap) => {
    expect(subsidyRateCap(count, P).toFixed()).toBe(cap);
  });
  it('Eco-Lease is a flat 10%', () => expect(ecoLeaseRate(P).toFixed()).toBe('0.1'));
  it.each([
    ['TH', '0.3'],
    ['BD', '0.4'],
    ['MN', '0.3'],
    ['PW', '0.3'],
    ['PH', '0.3'],
    ['ID', '0.4'],
  ])('PV in %s as of 2021-04-07 → %s', (country, cap) => {
    expect(subsidyRateCap(knownSimilarProjectCount(P, 'SOLAR_PV', country)!, P).toFixed()).toBe(cap);
  });
  it('small hydro in Indonesia: count 8 → 30%', () => {
    expect(knownSimilarProjectCount(P, 'SMALL_HYDRO', 'ID')).toBe(8);
    expect(subsidyRateCap(8, P).toFixed()).toBe('0.3');
  });
  it('rejects a negative count', () => expect(() => subsidyRateCap(-1, P)).toThrow(RangeError));
});

describe('maxSubsidyByTechnology (R-FIN-02)', () => {
  it('eligible ¥1,000,000,000 at count 2 → ¥400,000,000', () => {
    const r = maxSubsidyByTechnology(
      [{ technologyId: 'X', eligibleCostYen: 1_000_000_000, priorSimilarProjects: 2 }],
      P,
    );
    expect(r.maxSubsidyYen).toBe(400_000_000);
  });
  it('multi-technology: boiler ¥100M @40% + PV ¥200M @30% → ¥100,000,000', () => {
    const r = maxSubsidyByTechnology(
      [
        { technologyId: 'BOILER', eligibleCostYen: 100_000_000, priorSimilarProjects: 2 },
        { technologyId: 'SOLAR_PV', eligibleCostYen: 200_000_000, priorSimilarProjects: 4 },
      ],
      P,
    );
    expect(r.perTechnology.map((t) => t.maxSubsidyYen)).toEqual([40_000_000, 60_000_000]);
    expect(r.maxSubsidyYen).toBe(100_000_000);
  });
  it('an assigned rate above the cap is an R-FIN-01 error and is clipped', () => {
    const r = maxSubsidyByTechnology(
      [{ technologyId: 'PV', eligibleCostYen: 100, priorSimilarProjects: 4, assignedRate: '0.35' }],
      P,
    );
    expect(r.findings[0].ruleId).toBe('R-FIN-01');
    expect(r.maxSubsidyYen).toBe(30);
  });
  it('J5: initial cost ¥300,000,000 with a 40% cap → ¥120,000,000', () => {
    expect(
      maxSubsidyByTechnology(
        [{ technologyId: 'X', eligibleCostYen: 300_000_000, priorSimilarProjects: 1 }],
        P,
      ).maxSubsidyYen,
    ).toBe(120_000_000);
  });
});

describe('Eco-Lease and the ¥2.0bn guideline', () => {
  it('lease introduction cost ¥50,000,000 → ¥5,000,000', () =>
    expect(ecoLeaseMaxSubsidy(50_000_000, P)).toBe(5_000_000));
  it('¥6,000,000,000 × 50% = ¥3,000,000,000 → R-FIN-03 warning', () => {
    const f = perProjectGuideline(3_000_000_000, P);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'R-FIN-03', severity: 'warning' });
    expect(perProjectGuideline(2_000_000_000, P)).toEqual([]);
  });
});
