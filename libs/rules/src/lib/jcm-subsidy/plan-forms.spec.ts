import Decimal from 'decimal.js';
import { coInnovationOutlineLength, requiredSubsidyAtCommercialisation } from './co-innovation-form';
import { costEffectiveness } from './cost-effectiveness';
import { financialRowsValid, lossTrigger, toJpyMillion } from './plan-form-financials';
import { fundingMilestonesValid, fundingSharesSum, projectIrrPercent } from './plan-form-funding';
import {
  businessFormConsistency,
  businessFormsValid,
  emissionFactorRowsValid,
  ghgAtLeastCo2,
  methodologyNumberValid,
  selfProcurementValid,
  tenderRule,
} from './plan-form-checks';
import { devAndDemoSitesValid } from './plan-form-project-plan';
import { parseProjectTitle } from './plan-form-title';

describe('plan-forms.md §8 fixtures', () => {
  it('FX-03: B eligible ¥597,530,000 × 50% = ¥298,765,000 → CE 3,027 against 98,720 t', () => {
    const r = requiredSubsidyAtCommercialisation(597_530_000, '50');
    expect(r.requiredSubsidyYen).toBe(298_765_000);
    expect(costEffectiveness(r.requiredSubsidyYen, new Decimal('98720'))).toBe(3027);
  });
  it('FX-17: B rate 60% → V-EFF-6 error', () =>
    expect(requiredSubsidyAtCommercialisation(1_000, '60').findings[0].ruleId).toBe('V-EFF-6'));
  it('FX-18: B outline of 950 characters → V-STR-5 warning; 400 → fine', () => {
    expect(coInnovationOutlineLength('あ'.repeat(950)).findings[0]).toMatchObject({
      ruleId: 'V-STR-5',
      severity: 'warning',
    });
    expect(coInnovationOutlineLength('あ'.repeat(400)).findings).toEqual([]);
  });
  it('FX-04: ○○国／○○州における〇MW 太陽光発電の導入 → country ○○国', () => {
    expect(parseProjectTitle('○○国／○○州における〇MW 太陽光発電の導入')).toMatchObject({
      countries: ['○○国'],
      projectName: '○○州における〇MW 太陽光発電の導入',
    });
  });
  it('FX-05: ベトナム・タイ / 高機能●システムの導入・実証 → two countries, normalised to ／', () => {
    expect(parseProjectTitle('ベトナム・タイ / 高機能●システムの導入・実証')).toMatchObject({
      countries: ['ベトナム', 'タイ'],
      normalised: 'ベトナム・タイ／高機能●システムの導入・実証',
    });
    expect('findings' in parseProjectTitle('no slash here')).toBe(true);
  });
  it('FX-06: a relative location (○○市内から東南に約80km) is valid site text; a blank or whitespace one is not', () => {
    const sites = (demoSiteAddress: string) =>
      devAndDemoSitesValid({ devSiteDiffersFromDemoSite: true, devSiteAddress: '大阪府', demoSiteAddress });
    expect(sites('○○市内から東南に約80km')).toEqual([]);
    expect(sites('').map((f) => f.ruleId)).toEqual(['V-PLAN-7']);
    expect(sites('　 ').map((f) => f.ruleId)).toEqual(['V-PLAN-7']);
  });
  it('FX-07: milestone done with 3-07-01 and a pending year-month are valid; done without evidence is not', () => {
    expect(
      fundingMilestonesValid([
        { milestone: 'タームシートの条件に合意', when: '2024-05-10', done: true, evidenceDocRef: '3-07-01' },
        { milestone: '融資契約の締結', when: '2024-08', done: false },
      ]),
    ).toEqual([]);
    expect(fundingMilestonesValid([{ milestone: 'x', when: '2024-08', done: true }])[0].ruleId).toBe(
      'V-FUND-4',
    );
  });
  it('FX-08: emission-factor rows with value, unit and source are valid', () => {
    expect(
      emissionFactorRowsValid([
        {
          item: '電力グリッド排出係数',
          value: '0.5664',
          unit: 'tCO2/MWh',
          source: 'R3年度JCM設備補助事業公募要領別添4',
        },
        {
          item: 'ディーゼル燃料',
          value: '0.0741',
          unit: 'tCO2/GJ',
          source: '2006 IPCC Guidelines on National GHG Inventories',
        },
      ]),
    ).toEqual([]);
    expect(emissionFactorRowsValid([{ item: 'grid', value: '0', unit: '', source: '' }])).toHaveLength(1);
  });
  it('FX-19 / FX-20: ⑧ without investment share and ⑩ with empty text are errors', () => {
    expect(businessFormsValid({ forms: ['LEAD_INVESTS'] })[0].ruleId).toBe('V-BF-2');
    expect(businessFormsValid({ forms: ['OTHER'], otherText: '' })[0].ruleId).toBe('V-BF-3');
    expect(businessFormsValid({ forms: ['LEAD_INVESTS', 'LEASE'], leadInvestmentSharePct: '30' })).toEqual(
      [],
    );
  });
  it('V-BF-4 / V-BF-5: ⑥ needs consortium-member supply + declaration; ⑨ needs a lease company', () => {
    expect(
      businessFormConsistency(['OWN_PRODUCT_PROCUREMENT'], {
        consortiumMemberSupply: true,
        profitExclusionDeclaration: true,
      }),
    ).toEqual([]);
    expect(
      businessFormConsistency(['OWN_PRODUCT_PROCUREMENT'], {
        consortiumMemberSupply: true,
        profitExclusionDeclaration: false,
      })[0],
    ).toMatchObject({ ruleId: 'V-BF-4', severity: 'warning' });
    expect(
      businessFormConsistency(['LEASE'], {
        consortiumMemberSupply: false,
        profitExclusionDeclaration: false,
      })[0].ruleId,
    ).toBe('V-BF-5');
    expect(
      businessFormConsistency(['LEASE'], {
        consortiumMemberSupply: false,
        profitExclusionDeclaration: false,
        consortiumIncludesLeaseCompany: true,
      }),
    ).toEqual([]);
  });
  it('FX-21: rows ordered oldest first → V-FIN-1', () => {
    const rows = ['2021-03', '2022-03', '2023-03'].map((p) => ({ periodEnd: p, netAssetsMillionYen: '10' }));
    expect(financialRowsValid(rows, 3).map((f) => f.ruleId)).toEqual(['V-FIN-1']);
    expect(financialRowsValid([...rows].reverse(), 3)).toEqual([]);
    expect(financialRowsValid(rows.slice(0, 1), 1)).toEqual([]);
  });
  it('FX-22: negative net assets in the middle year → needs a plan, or a reason when resolved', () => {
    const rows = [
      { periodEnd: '2023-03', netAssetsMillionYen: '120' },
      { periodEnd: '2022-03', netAssetsMillionYen: '-50' },
      { periodEnd: '2021-03', netAssetsMillionYen: '30' },
    ];
    expect(lossTrigger(rows, { managementImprovementPlan: false }).findings[0].ruleId).toBe('V-FIN-3');
    expect(
      lossTrigger(rows, { managementImprovementPlan: false, pastNegativeReason: '増資により解消' }).findings,
    ).toEqual([]);
  });
  it('FX-23: 12,000,000 THB × 4.10 = 49.2 百万円; a missing rate date is an error', () => {
    expect(toJpyMillion('12000000', { jpyPerUnit: '4.10', rateDate: '2024-03-29' })).toEqual({
      jpyMillion: '49.2',
      findings: [],
    });
    expect(toJpyMillion('12000000', { jpyPerUnit: '4.10' }).findings[0].ruleId).toBe('V-FIN-5');
  });
  it('FX-25: GHG 900 < CO2 1,000 → V-EFF-7 warning', () =>
    expect(ghgAtLeastCo2('900', '1000')[0].severity).toBe('warning'));
  it('FX-26: VN_AM006 valid; "" error; "AM6" warning', () => {
    expect(methodologyNumberValid('APPROVED', 'VN_AM006')).toEqual([]);
    expect(methodologyNumberValid('APPROVED', '')[0].severity).toBe('error');
    expect(methodologyNumberValid('APPROVED', 'AM6')[0].severity).toBe('warning');
  });
  it('FX-27: self-procurement INCLUDED with no names → V-PRC-3', () => {
    expect(selfProcurementValid(true, [])[0].ruleId).toBe('V-PRC-3');
    expect(selfProcurementValid(false, [])).toEqual([]);
  });
  it('FX-28: funding shares 60% + 30% → warning (Σ = 90)', () => {
    const r = fundingSharesSum(['60', '30']);
    expect(r.totalPercent).toBe('90');
    expect(r.findings[0].ruleId).toBe('V-FUND-3');
  });
  it('FX-29: IRR of −1,000 then 10 × 150 ≈ 8.14%; with subsidy (−600) ≈ 21.4%', () => {
    const flows = (cf0: string) => [cf0, ...Array.from({ length: 10 }, () => '150')];
    expect(Math.abs(Number(projectIrrPercent(flows('-1000'))) - 8.14)).toBeLessThan(0.05);
    expect(Math.abs(Number(projectIrrPercent(flows('-600'))) - 21.4)).toBeLessThan(0.05);
    expect(projectIrrPercent(['100', '100'])).toBeNull();
  });
  it('FX-30: bid already won at a non-subsidy price → high warning', () => {
    expect(
      tenderRule({ requiresTender: true, tenderScheduleGiven: true, bidAtNonSubsidyPrice: true })[0],
    ).toMatchObject({ ruleId: 'V-BID-1', severity: 'warning' });
  });
});
