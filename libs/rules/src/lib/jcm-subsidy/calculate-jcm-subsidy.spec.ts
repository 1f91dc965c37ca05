import { calculateJcmSubsidy } from './calculate-jcm-subsidy';
import { JcmSubsidyInput } from './calculate-jcm-subsidy.schema';
import { JCM_SUBSIDY_FY2021_23 as P } from './jcm-subsidy-preset';

describe('calculateJcmSubsidy', () => {
  it('FX-01/FX-02 through the calculator: ¥298,765,000 over 12,340 t × 8 yr → ¥3,027/t', () => {
    const r = calculateJcmSubsidy(
      {
        technologies: [
          {
            technologyId: 'T1',
            eligibleCostYen: 597_530_000,
            priorSimilarProjects: 0,
            annualReductionT: '12340',
            usefulLifeYears: 8,
          },
        ],
        requestedSubsidyYen: 298_765_000,
      },
      P,
    );
    expect(r.maxSubsidyYen).toBe(298_765_000);
    expect(r.totalReductionT).toBe('98720');
    expect(r.costEffectivenessYenPerT).toBe(3027);
    expect(r.findings).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('multi-technology: caps per technology, CE thresholds per technology (PV in TH 2,500)', () => {
    const r = calculateJcmSubsidy(
      {
        technologies: [
          {
            technologyId: 'BOILER',
            eligibleCostYen: 100_000_000,
            priorSimilarProjects: 2,
            annualReductionT: '2000.7',
            usefulLifeYears: 15,
          },
          {
            technologyId: 'SOLAR_PV',
            eligibleCostYen: 200_000_000,
            priorSimilarProjects: 15,
            annualReductionT: '1000',
            usefulLifeYears: 17,
          },
        ],
      },
      P,
    );
    expect(r.maxSubsidyYen).toBe(100_000_000);
    expect(r.technologies.map((t) => t.totalReductionT)).toEqual(['30000', '17000']);
    expect(r.totalReductionT).toBe('47000');
    // PV: ¥60,000,000 / 17,000 t = ¥3,529.41 > ¥2,500 → error for PV only.
    expect(r.technologies[1]).toMatchObject({
      subsidyYen: 60_000_000,
      costEffectivenessYenPerT: 3530,
      costEffectivenessThresholdYenPerT: 2500,
    });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['R-EVAL-04']);
  });

  it('over-cap request, ¥2.0bn guideline, admin cap and payback are reported', () => {
    const r = calculateJcmSubsidy(
      {
        technologies: [
          {
            technologyId: 'X',
            eligibleCostYen: 6_000_000_000,
            priorSimilarProjects: 0,
            annualReductionT: '100000',
            usefulLifeYears: 10,
          },
        ],
        requestedSubsidyYen: 3_000_000_001,
        costs: { constructionYen: 50_000_000, equipmentYen: 50_000_000, adminYen: 6_000_001 },
        payback: { initialCostYen: 6_000_000_000, annualCashFlowYen: 1_200_000_000 },
      },
      P,
    );
    expect(r.subsidyYen).toBe(3_000_000_000);
    expect(r.adminCostCapYen).toBe(6_000_000);
    expect(r.paybackYearsWithoutSubsidy).toBe('5.0');
    expect(r.paybackYearsWithSubsidy).toBe('2.5');
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['R-EVAL-05', 'R-FIN-02', 'R-FIN-03', 'R-FIN-04']);
  });

  it('Eco-Lease: ¥50,000,000 × 10% = ¥5,000,000; 300 t × 7 lease years = 2,100 t → ¥2,381/t', () => {
    const r = calculateJcmSubsidy(
      {
        scheme: 'ECO_LEASE',
        ecoLease: { leaseIntroductionCostYen: 50_000_000, leaseYears: 7, annualReductionT: '300' },
      },
      P,
    );
    expect(r).toMatchObject({
      maxSubsidyYen: 5_000_000,
      totalReductionT: '2100',
      costEffectivenessYenPerT: 2381,
    });
    expect(r.findings).toEqual([]);
  });

  it('Eco-Lease shorter than 5 years is an R-APP-10 error', () => {
    const r = calculateJcmSubsidy(
      {
        scheme: 'ECO_LEASE',
        ecoLease: { leaseIntroductionCostYen: 50_000_000, leaseYears: 4, annualReductionT: '300' },
      },
      P,
    );
    expect(r.findings.map((f) => f.ruleId)).toContain('R-APP-10');
  });

  it('schema rejects fractional yen and missing technologies', () => {
    expect(JcmSubsidyInput.safeParse({ technologies: [] }).success).toBe(false);
    expect(
      JcmSubsidyInput.safeParse({
        technologies: [
          {
            technologyId: 'X',
            eligibleCostYen: 1.5,
            priorSimilarProjects: 0,
            annualReductionT: '1',
            usefulLifeYears: 1,
          },
        ],
      }).success,
    ).toBe(false);
  });
});
