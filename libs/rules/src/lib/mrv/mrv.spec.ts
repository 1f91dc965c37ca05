import { calculateEmissionReduction } from './emission-reduction';
import { GRID_EF_JCM_FY2021 as EF, gridEmissionFactor } from './grid-emission-factors';
import { monitoringPeriod } from './monitoring-period';

const f = (country: string, col: Parameters<typeof gridEmissionFactor>[2], sub?: string) => {
  const r = gridEmissionFactor(EF, country, col, sub);
  return 'factor' in r ? r.factor.toFixed() : r.gap;
};

describe('grid emission factors (別添4) — jcm-grants.md §7', () => {
  it('country columns', () => {
    expect(f('VN', 'EE_other')).toBe('0.8458');
    expect(f('TH', 'EE_other')).toBe('0.5664');
    expect(f('TH', 'RE_other')).toBe('0.319');
    expect(f('KE', 'EE_other')).toBe('0.2262');
    expect(f('KE', 'RE_other')).toBe('0.533');
    expect(f('MV', 'EE_other')).toBe('0.8');
    expect(f('PW', 'RE_other')).toBe('0.533');
    expect(f('CR', 'EE_other')).toBe('0.1');
    expect(f('ET', 'RE_other')).toBe('0.112');
    expect(f('VN', 'EE_captive_diesel')).toBe('0.8');
    expect(f('VN', 'EE_captive_gas')).toBe('0.46');
    expect(f('VN', 'RE_captive')).toBe('0.533');
  });
  it('sub-tables', () => {
    expect(['NATIONAL', 'KAMPOT_SIHANOUKVILLE', 'KAMPONG_CHAM'].map((g) => f('KH', 'EE_other', g))).toEqual([
      '0.384',
      '0.643',
      '0.724',
    ]);
    expect(['SEN', 'AYSEN', 'MAGALLANES'].map((g) => f('CL', 'RE_other', g))).toEqual([
      '0.404',
      '0.176',
      '0.361',
    ]);
    expect([f('MN', 'EE_other', 'NATIONAL_CASE1'), f('MN', 'EE_other', 'NATIONAL_CASE2')]).toEqual([
      '0.859',
      '0.8',
    ]);
    expect([f('MN', 'RE_other', 'NATIONAL_CASE1'), f('MN', 'RE_other', 'NATIONAL_CASE2')]).toEqual([
      '0.797',
      '0.533',
    ]);
    expect([f('PH', 'EE_other', 'MINDANAO'), f('PH', 'RE_other', 'MINDANAO')]).toEqual(['0.7921', '0.468']);
  });
  it('gaps are reported, not invented (Indonesia 別表2)', () => {
    expect('gap' in gridEmissionFactor(EF, 'ID', 'EE_other')).toBe(true);
    expect('gap' in gridEmissionFactor(EF, 'KH', 'EE_other')).toBe(true);
  });
});

describe('calculateEmissionReduction', () => {
  it('EE saving 1,000 MWh/yr of Viet Nam grid power → 845.8 t → 845 whole', () => {
    const r = calculateEmissionReduction({
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      reference: [{ activity: '1000', emissionFactor: '0.8458' }],
      projectEmissionsT: '0',
    });
    expect(r.emissionReductionExactT).toBe('845.8');
    expect(r.emissionReductionT).toBe('845');
  });
  it('J1: (942 − 738) MWh × 0.814 = 166.056 → 166 t (slide says ≈165)', () => {
    const r = calculateEmissionReduction({
      periodStart: '2020-01-01',
      periodEnd: '2020-12-31',
      reference: [{ activity: '942', emissionFactor: '0.814' }],
      project: [{ activity: '738', emissionFactor: '0.814' }],
    });
    expect(r.emissionReductionExactT).toBe('166.056');
    expect(r.emissionReductionT).toBe('166');
  });
  it('J2: 3,694 + 723 + 364 + 710 = 5,491 t', () => {
    const r = calculateEmissionReduction({
      periodStart: '2018-01-01',
      periodEnd: '2018-12-31',
      reference: ['3694', '723', '364', '710'].map((t) => ({ activity: t, emissionFactor: '1' })),
      projectEmissionsT: '0',
    });
    expect(r.emissionReductionT).toBe('5491');
  });
  it('project above reference → 0 with a warning', () => {
    const r = calculateEmissionReduction({
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      referenceEmissionsT: '10',
      projectEmissionsT: '12.5',
    });
    expect(r.emissionReductionT).toBe('0');
    expect(r.findings[0].ruleId).toBe('MRV-ER-1');
  });
});

describe('monitoringPeriod (R-POST-05)', () => {
  it('operation 2022-04-01, 17 years → ends 2039-03-31; clipped to the bilateral document to 2030-12-31', () => {
    expect(monitoringPeriod({ operationStart: '2022-04-01', usefulLifeYears: 17 })).toMatchObject({
      end: '2039-03-31',
      clippedByBilateralDocument: false,
    });
    expect(
      monitoringPeriod({
        operationStart: '2022-04-01',
        usefulLifeYears: 17,
        bilateralDocumentValidUntil: '2030-12-31',
      }),
    ).toMatchObject({ end: '2030-12-31', clippedByBilateralDocument: true });
  });
  it('grantee-fault gaps are added', () => {
    expect(
      monitoringPeriod({ operationStart: '2022-04-01', usefulLifeYears: 8, granteeFaultGapDays: 10 }).end,
    ).toBe('2030-04-10');
  });
});
