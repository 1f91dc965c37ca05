import { findingsFor } from '../shared/finding';
import {
  concurrentOfficerDisclosure,
  consortiumProcurementDocs,
  humanRightsDueDiligence,
  riskBlocksPresent,
  sdgGoalsValid,
  treatyCompliantEquipment,
} from './plan-form-character';
import {
  docRefsCited,
  FORM_A_ATTACHMENTS,
  mandatoryAttachmentsPresent,
  methodologySpreadsheetAttached,
} from './plan-form-documents';
import {
  coApplicantFinancialsChecked,
  debtRatioColumnValid,
  financialRatiosConsistent,
  fxConversionConsistent,
  relatedPartiesProvided,
  statementChecklist,
} from './plan-form-financial-checks';
import {
  fundingSourcesValid,
  loanTermsValid,
  otherFundingDisclosed,
  paybackIrrEntriesValid,
  spcInvestorsValid,
  subsidyImprovesReturns,
} from './plan-form-funding-checks';
import {
  coApplicantDecisionReview,
  coInnovationPlanBlocksValid,
  consortiumAgreementDraftValid,
  devAndDemoSitesValid,
  equipmentOwnerValid,
  landRightsTransferValid,
  monitoringPointsValid,
} from './plan-form-project-plan';
import {
  detailedScheduleAttached,
  scheduleConsistent,
  scheduleMilestonesComplete,
} from './plan-form-schedule';
import {
  backgroundNamesAllMembers,
  coApplicantsValid,
  contactsValid,
  pageLimit,
  planSectionsPresent,
} from './plan-form-structure';
import {
  eligibilityCriteriaListed,
  lifecycleCostCompared,
  referenceComparisonValid,
  similarTechnologyClassified,
  solarConditionsStated,
  strategiesMentioned,
} from './plan-form-technology';
import type { CoApplicant, FundingSource, ScheduleMilestone } from './plan-form.schema';

const ids = (fs: readonly { ruleId: string }[]) => fs.map((f) => f.ruleId);
const contact = {
  name: '環境 太郎',
  deptAndTitle: '海外事業部 部長',
  address: '東京都千代田区',
  postalCode: '100-0001',
  phone: '03-0000-0000',
  email: 'taro@example.co.jp',
};
const allSections = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), '記入あり']));

describe('7.1 structure (V-STR-1/2/4/6/7)', () => {
  it('V-STR-1: A needs ＜１＞〜＜１０＞, B ＜1＞〜＜9＞', () => {
    expect(planSectionsPresent('A', allSections(10))).toEqual([]);
    expect(planSectionsPresent('B', allSections(9))).toEqual([]);
    const f = planSectionsPresent('A', { ...allSections(9), '4': ' ' });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'V-STR-1', severity: 'error' });
    expect(f[0].message_en).toBe('Plan sections 4, 10 are missing.');
  });
  it('V-STR-2: ≥1 co-applicant, each with a matching 2(3) profile', () => {
    const profile = {
      name: '○○ Co., Ltd.',
      established: '2010-04',
      businessDescription: '発電事業',
      employees: 120,
    };
    expect(coApplicantsValid([{ name: '○○ Co., Ltd.', profile }])).toEqual([]);
    expect(ids(coApplicantsValid([]))).toEqual(['V-STR-2']);
    expect(coApplicantsValid([{ name: '○○ Co., Ltd.' }])[0].message_en).toContain('no 2(3) profile');
    expect(coApplicantsValid([{ name: '△△ Co.', profile }])[0].message_en).toContain('does not match');
  });
  it('V-STR-4: background must name every consortium member (ja or en)', () => {
    const members = [
      { nameJa: '株式会社○○', nameEn: 'OO Corp.' },
      { nameJa: 'PT. △△', nameEn: 'PT. TT' },
    ];
    expect(backgroundNamesAllMembers('株式会社○○とPT. △△が協議し…', members)).toEqual([]);
    expect(backgroundNamesAllMembers('OO Corp. and PT. TT agreed …', members)).toEqual([]);
    const f = backgroundNamesAllMembers('株式会社○○が提案した。', members);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'V-STR-4', severity: 'warning' });
  });
  it('V-STR-6: B «全体で10ページ以内»: 11 pages warns, 10 passes, unknown asks', () => {
    expect(pageLimit('B', 10)).toEqual([]);
    expect(pageLimit('B', 11)[0]).toMatchObject({ ruleId: 'V-STR-6', severity: 'warning' });
    expect(pageLimit('A', undefined)[0].severity).toBe('info');
  });
  it('V-STR-7: lead 責任者 + 窓口, co-applicant 責任者, e-mail format, A 〒 warning', () => {
    expect(
      contactsValid('A', { contactResponsible: contact, contactWindow: contact }, [
        { name: 'x', contactResponsible: contact },
      ]),
    ).toEqual([]);
    const f = contactsValid(
      'A',
      { contactResponsible: { ...contact, postalCode: undefined, email: 'taro-at-example' } },
      [{ name: 'x' }],
    );
    expect(f.map((x) => x.severity)).toEqual(['error', 'error', 'error', 'warning']);
    expect(ids(f)).toEqual(['V-STR-7', 'V-STR-7', 'V-STR-7', 'V-STR-7']);
    expect(
      contactsValid(
        'B',
        { contactResponsible: { ...contact, postalCode: undefined }, contactWindow: contact },
        [],
      ),
    ).toEqual([]);
  });
});

describe('7.3 financials (V-FIN-2/6/7/8/9/10)', () => {
  it('V-FIN-2: 営業利益 basis renames the column; lease companies (A) may omit the value', () => {
    expect(
      debtRatioColumnValid('A', [
        {
          periodEnd: '2023-03',
          netAssetsMillionYen: '100',
          debtRatioBasis: 'operatingIncome',
          debtRatioLabel: '有利子負債/営業利益倍率',
          debtRatioValue: '2.5',
        },
      ]),
    ).toEqual([]);
    expect(
      debtRatioColumnValid('A', [
        { periodEnd: '2023-03', netAssetsMillionYen: '100', debtRatioBasis: 'notRequiredLeaseCo' },
      ]),
    ).toEqual([]);
    const f = debtRatioColumnValid('A', [
      {
        periodEnd: '2023-03',
        netAssetsMillionYen: '100',
        debtRatioBasis: 'operatingIncome',
        debtRatioLabel: '有利子負債/営業キャッシュフロー倍率',
      },
    ]);
    expect(f.map((x) => x.severity)).toEqual(['error', 'error']);
    expect(
      ids(
        debtRatioColumnValid('B', [
          { periodEnd: '2023', netAssetsMillionYen: '1', debtRatioBasis: 'notRequiredLeaseCo' },
        ]),
      ),
    ).toEqual(['V-FIN-2', 'V-FIN-2']);
  });
  it('V-FIN-6 (FX-23): 12,000,000 THB × 4.10 = 49.2 百万円 consistent; 52.0 is off by > 1%', () => {
    const row = { periodEnd: '2024-03', netAssetsLocal: '12000000', netAssetsMillionYen: '49.2' };
    expect(fxConversionConsistent([row], '4.10')).toEqual([]);
    expect(fxConversionConsistent([{ ...row, netAssetsMillionYen: '49.6' }], '4.10')).toEqual([]); // 0.8%
    expect(fxConversionConsistent([{ ...row, netAssetsMillionYen: '52.0' }], '4.10')[0]).toMatchObject({
      ruleId: 'V-FIN-6',
      severity: 'warning',
    });
  });
  it('V-FIN-7: recomputed equity/current ratio, growth and debt ratio within ±0.1 pt', () => {
    const rows = [
      {
        periodEnd: '2023-03',
        netAssetsMillionYen: '400',
        totalAssetsMillionYen: '1000',
        equityRatioPct: '40.0',
        currentAssetsMillionYen: '300',
        currentLiabilitiesMillionYen: '200',
        currentRatioPct: '150',
        operatingIncomeMillionYen: '120',
        operatingIncomeGrowthPct: '20',
        interestBearingDebtMillionYen: '300',
        operatingCashFlowMillionYen: '100',
        debtRatioValue: '3',
      },
      { periodEnd: '2022-03', netAssetsMillionYen: '380', operatingIncomeMillionYen: '100' },
    ];
    expect(financialRatiosConsistent(rows)).toEqual([]);
    const f = financialRatiosConsistent([
      { ...rows[0], equityRatioPct: '45.0', debtRatioValue: '2.5' },
      rows[1],
    ]);
    expect(f.map((x) => x.message_en)).toEqual([
      '2023-03: 自己資本比率 45.0 does not match the recomputed 40 (±0.1).',
      '2023-03: 有利子負債倍率 2.5 does not match the recomputed 3 (±0.1).',
    ]);
  });
  it('V-FIN-8: checklist gaps are info; a subsidiary needs the parent statements', () => {
    const ok = {
      auditedStatements: true,
      auditReportStatesStandard: true,
      standaloneAndConsolidated: true,
      isSubsidiary: false,
      cashFlowStatement: true,
      cashFlowStatementLegallyRequired: false,
    };
    expect(statementChecklist('代表事業者', ok)).toEqual([]);
    // CF statement omitted without a legal duty: the plan form allows it, 公募要領 (キ) does not → info (DISCREPANCIES.md #3).
    expect(statementChecklist('代表事業者', { ...ok, cashFlowStatement: false })[0].message_en).toContain(
      'call guidelines (キ) require it',
    );
    const f = statementChecklist('代表事業者', {
      ...ok,
      isSubsidiary: true,
      cashFlowStatement: false,
      cashFlowStatementLegallyRequired: true,
    });
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([
      ['V-FIN-8', 'info'],
      ['V-FIN-8', 'info'],
    ]);
    expect(statementChecklist('代表事業者', undefined)[0].severity).toBe('info');
  });
  it('V-FIN-9 (FX-22 on a co-applicant): loss trigger and row order are warnings', () => {
    const co: CoApplicant = {
      name: 'PT. △△',
      fiscalPeriodsCompleted: 3,
      financials: [
        { periodEnd: '2023-03', netAssetsMillionYen: '120' },
        { periodEnd: '2022-03', netAssetsMillionYen: '-50' },
        { periodEnd: '2021-03', netAssetsMillionYen: '30' },
      ],
    };
    const f = coApplicantFinancialsChecked([co]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'V-FIN-9', severity: 'warning' });
    expect(coApplicantFinancialsChecked([{ ...co, pastNegativeReason: '増資により解消' }])).toEqual([]);
  });
  it('V-FIN-10: reliance on a parent/SPC funder needs its block with financials', () => {
    expect(relatedPartiesProvided(false, [])).toEqual([]);
    expect(relatedPartiesProvided(true, [{ name: '親会社', financialsProvided: true }])).toEqual([]);
    expect(ids(relatedPartiesProvided(true, []))).toEqual(['V-FIN-10']);
    expect(relatedPartiesProvided(true, [{ name: '親会社', financialsProvided: false }])[0].severity).toBe(
      'error',
    );
  });
});

describe('7.4 project plan (V-PLAN-1..7)', () => {
  it('V-PLAN-1: land-rights transfer needs negotiation status and contract schedule', () => {
    expect(landRightsTransferValid({ landRightsTransfer: false })).toEqual([]);
    expect(
      landRightsTransferValid({
        landRightsTransfer: true,
        landNegotiationStatus: '地権者と協議中',
        landContractSchedule: '2024-08 契約予定',
      }),
    ).toEqual([]);
    expect(
      landRightsTransferValid({ landRightsTransfer: true, landNegotiationStatus: '協議中' })[0].message_ja,
    ).toContain('契約完了までのスケジュール');
  });
  it('V-PLAN-2: owner named; joint ownership explained', () => {
    expect(equipmentOwnerValid({ equipmentOwner: 'PT. △△', soleOwner: true })).toEqual([]);
    expect(ids(equipmentOwnerValid({ equipmentOwner: '', soleOwner: false }))).toEqual([
      'V-PLAN-2',
      'V-PLAN-2',
    ]);
  });
  it('V-PLAN-3: 5-01 attached, unsigned, with the structure diagram', () => {
    expect(
      consortiumAgreementDraftValid(true, {
        consortiumDraftIncludesDiagram: true,
        consortiumDraftUnsigned: true,
      }),
    ).toEqual([]);
    expect(consortiumAgreementDraftValid(false, {})[0].message_ja).toContain('5-01');
    expect(
      consortiumAgreementDraftValid(true, {
        consortiumDraftIncludesDiagram: false,
        consortiumDraftUnsigned: false,
      }).map((x) => x.severity),
    ).toEqual(['error', 'warning']);
  });
  it('V-PLAN-4: each monitoring point complete with ≥1 device criterion', () => {
    const p = {
      item: '発電量',
      deviceLocation: '受電盤',
      accuracy: '±0.5%',
      frequency: '連続',
      dataCollectionStorage: '月次でサーバ保存',
      criterion: ['SPEC_OR_CERTIFIED' as const],
    };
    expect(monitoringPointsValid([p])).toEqual([]);
    expect(monitoringPointsValid([{ ...p, accuracy: '', criterion: [] }])).toHaveLength(2);
    expect(ids(monitoringPointsValid([]))).toEqual(['V-PLAN-4']);
  });
  it('V-PLAN-5: reviewer judgement reported as info until confirmed', () => {
    expect(coApplicantDecisionReview(undefined)[0]).toMatchObject({ ruleId: 'V-PLAN-5', severity: 'info' });
    expect(coApplicantDecisionReview(true)).toEqual([]);
    expect(coApplicantDecisionReview(false)[0].severity).toBe('error');
  });
  it('V-PLAN-6: B 3(1) four blocks and KPIs with target and basis', () => {
    const techBlocks = {
      countryContext: 'a',
      technologyAndDomesticUse: 'b',
      renovationAndDemoPlan: 'c',
      commercialisationOutlook: 'd',
    };
    expect(
      coInnovationPlanBlocksValid({
        techBlocks,
        kpis: [{ indicator: '発電効率', targetValue: '20', unit: '%', basis: '国内実証値' }],
      }),
    ).toEqual([]);
    expect(
      coInnovationPlanBlocksValid({ techBlocks: { ...techBlocks, renovationAndDemoPlan: '' }, kpis: [] }),
    ).toHaveLength(2);
    expect(
      coInnovationPlanBlocksValid({
        techBlocks,
        kpis: [{ indicator: '発電効率', targetValue: '20', basis: '' }],
      })[0].ruleId,
    ).toBe('V-PLAN-6');
  });
  it('V-PLAN-7: B dev site ≠ demo site ⇒ both addresses', () => {
    expect(devAndDemoSitesValid({ devSiteDiffersFromDemoSite: false })).toEqual([]);
    expect(
      devAndDemoSitesValid({
        devSiteDiffersFromDemoSite: true,
        devSiteAddress: '大阪府',
        demoSiteAddress: 'ハノイ市',
      }),
    ).toEqual([]);
    expect(ids(devAndDemoSitesValid({ devSiteDiffersFromDemoSite: true, devSiteAddress: '大阪府' }))).toEqual(
      ['V-PLAN-7'],
    );
  });
});

const loan: FundingSource = {
  method: 'LOAN',
  source: '○○銀行',
  amountYen: 600_000_000,
  sharePct: '60',
  interestRatePct: '1.2',
  repaymentPeriod: '10年',
  collateralOrGuarantee: '親会社保証',
};

describe('7.5 funding (V-FUND-1/2/5/6/7/8)', () => {
  it('V-FUND-1: method, funder, amount > 0; OTHER specified', () => {
    expect(fundingSourcesValid([loan])).toEqual([]);
    expect(fundingSourcesValid([{ method: 'OTHER', source: '', amountYen: 0, sharePct: '40' }])).toHaveLength(
      3,
    );
  });
  it('V-FUND-2: A loan needs 金利・返済期間・担保; B loan/bond also 通貨・元利金の返済条件', () => {
    expect(loanTermsValid('A', [loan])).toEqual([]);
    expect(loanTermsValid('A', [{ ...loan, collateralOrGuarantee: undefined }])[0].message_ja).toContain(
      '担保',
    );
    expect(loanTermsValid('B', [{ ...loan, method: 'BOND' }])[0].message_ja).toContain(
      '通貨、元利金の返済条件',
    );
    expect(loanTermsValid('B', [{ ...loan, currency: 'JPY', repaymentTerms: '元金均等' }])).toEqual([]);
  });
  it('V-FUND-5: SPC investors 70% + 30% pass; 70% + 20% fails', () => {
    expect(spcInvestorsValid(undefined)).toEqual([]);
    expect(
      spcInvestorsValid({
        investors: [
          { name: '株式会社○○', sharePct: '70' },
          { name: 'PT. △△', sharePct: '30' },
        ],
      }),
    ).toEqual([]);
    expect(
      spcInvestorsValid({
        investors: [
          { name: '株式会社○○', sharePct: '70' },
          { name: 'PT. △△', sharePct: '20' },
        ],
      })[0].message_en,
    ).toBe('SPC shares sum to 90% (should be 100%).');
  });
  it('V-FUND-6 (FX-16): 7.6 / 4.6 with both IRRs and 3-09 xlsx pass; 7.69 and a PDF fail', () => {
    const fu = {
      sources: [loan],
      paybackWithoutSubsidyYears: '7.6',
      paybackWithSubsidyYears: '4.6',
      irrWithoutSubsidyPct: '8.14',
      irrWithSubsidyPct: '21.4',
    };
    const a309 = { docRef: '3-09', fileFormat: 'xlsx' as const, parts: ['WITH_SUBSIDY', 'WITHOUT_SUBSIDY'] };
    expect(paybackIrrEntriesValid(fu, [a309])).toEqual([]);
    expect(
      ids(
        paybackIrrEntriesValid({ ...fu, paybackWithoutSubsidyYears: '7.69', irrWithSubsidyPct: undefined }, [
          { ...a309, fileFormat: 'pdf' },
        ]),
      ),
    ).toEqual(['V-FUND-6', 'V-FUND-6', 'V-FUND-6']);
  });
  it('V-FUND-7 (FX-16, FX-29): with subsidy 4.6 ≤ 7.6 years and 21.4% ≥ 8.14% pass; reversed warns', () => {
    expect(
      subsidyImprovesReturns({
        paybackWithoutSubsidyYears: '7.6',
        paybackWithSubsidyYears: '4.6',
        irrWithoutSubsidyPct: '8.14',
        irrWithSubsidyPct: '21.4',
      }),
    ).toEqual([]);
    const f = subsidyImprovesReturns({
      paybackWithoutSubsidyYears: '4.6',
      paybackWithSubsidyYears: '7.6',
      irrWithoutSubsidyPct: '21.4',
      irrWithSubsidyPct: '8.14',
    });
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([
      ['V-FUND-7', 'warning'],
      ['V-FUND-7', 'warning'],
    ]);
  });
  it('V-FUND-8: other subsidies (incl. FIT) and public-finance rows are checklist info', () => {
    expect(
      otherFundingDisclosed('A', {
        otherSubsidiesConsidered: true,
        otherSubsidies: [{ name: '固定価格買取制度', status: '申請予定' }],
        publicFinanceLinked: true,
        publicFinance: [{ institution: 'JBIC', scheme: '投資金融', scope: '融資', schedule: '2024-10' }],
      }),
    ).toEqual([]);
    const f = otherFundingDisclosed('A', {
      otherSubsidiesConsidered: true,
      otherSubsidies: [],
      publicFinanceLinked: true,
      publicFinance: [],
    });
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([
      ['V-FUND-8', 'info'],
      ['V-FUND-8', 'info'],
    ]);
    expect(
      otherFundingDisclosed('B', { otherSubsidiesConsidered: false, publicFinanceLinked: true }),
    ).toEqual([]);
  });
});

describe('7.6 character (V-CHR-1..4)', () => {
  it('V-CHR-1: both risk blocks', () => {
    expect(riskBlocksPresent({ risksUntilCompletion: '輸送遅延', risksDuringMrv: '計測機器故障' })).toEqual(
      [],
    );
    expect(ids(riskBlocksPresent({ risksUntilCompletion: '輸送遅延' }))).toEqual(['V-CHR-1']);
  });
  it('V-CHR-2: no ODS refrigerant; removal premise needs a removal plan', () => {
    expect(treatyCompliantEquipment({ usesOdsRefrigerant: false })).toEqual([]);
    expect(treatyCompliantEquipment({ usesOdsRefrigerant: true })[0].severity).toBe('error');
    expect(
      treatyCompliantEquipment({ usesOdsRefrigerant: false, removesTreatyNonCompliantEquipment: true }),
    ).toHaveLength(1);
    expect(
      treatyCompliantEquipment({
        usesOdsRefrigerant: false,
        removesTreatyNonCompliantEquipment: true,
        removalPlan: '冷媒回収業者が回収',
      }),
    ).toEqual([]);
  });
  it('V-CHR-3: HRDD tick recorded as info', () => {
    expect(humanRightsDueDiligence(true)[0]).toMatchObject({ ruleId: 'V-CHR-3', severity: 'info' });
    expect(humanRightsDueDiligence(false)).toEqual([]);
  });
  it('V-CHR-4: SDGs among the 17 goals, unique, non-empty', () => {
    expect(sdgGoalsValid([7, 13])).toEqual([]);
    expect(sdgGoalsValid([])).toHaveLength(1);
    expect(sdgGoalsValid([0, 18, 7, 7]).map((x) => x.message_en)).toEqual([
      'SDG numbers 0, 18 are outside 1–17.',
      'SDG numbers are duplicated.',
    ]);
  });
});

describe('7.7 technology (V-TEC-1..5) and V-EFF-11', () => {
  it('V-TEC-1: existing equipment as reference is an error; otherwise reviewer confirms (info)', () => {
    expect(
      referenceComparisonValid({
        referenceIsExistingEquipment: true,
        referenceComparison: 'COP 3.0 vs 6.0',
      })[0].severity,
    ).toBe('error');
    expect(
      referenceComparisonValid({
        referenceIsExistingEquipment: false,
        referenceComparison: 'COP 4.5 vs 6.0',
      })[0],
    ).toMatchObject({ ruleId: 'V-TEC-1', severity: 'info' });
    expect(referenceComparisonValid({})[0].severity).toBe('error');
  });
  it('V-TEC-2: solar PV needs the 別添5 statement', () => {
    expect(
      solarConditionsStated([
        {
          name: '太陽光発電',
          isSolarPv: true,
          similarTech: true,
          solarConditionsStatement: 'モジュール変換効率20%以上',
        },
      ]),
    ).toEqual([]);
    expect(ids(solarConditionsStated([{ name: '太陽光発電', isSolarPv: true, similarTech: true }]))).toEqual([
      'V-TEC-2',
    ]);
  });
  it('V-TEC-3: similar tech needs its class; two technologies need two effect rows', () => {
    const techs = [
      { name: '空調機', isSolarPv: false, similarTech: true, similarTechCategory: '空調機（エアコン）' },
      { name: 'ボイラ', isSolarPv: false, similarTech: true },
    ];
    expect(similarTechnologyClassified(techs.slice(0, 1), 1)).toEqual([]);
    expect(similarTechnologyClassified(techs, 1).map((x) => [x.ruleId, x.severity])).toEqual([
      ['V-TEC-3', 'warning'],
      ['V-TEC-3', 'warning'],
    ]);
  });
  it('V-TEC-4: both strategies named (full- or half-width)', () => {
    expect(
      strategiesMentioned('海外展開戦略（環境）及びインフラシステム海外展開戦略２０２５に沿う。'),
    ).toEqual([]);
    expect(strategiesMentioned('海外展開戦略(環境)とインフラシステム海外展開戦略2025に沿う')).toEqual([]);
    expect(strategiesMentioned('海外展開戦略（環境）に沿う。')[0].message_en).toContain(
      'インフラシステム海外展開戦略２０２５',
    );
  });
  it('V-TEC-5: running or life-cycle cost compared', () => {
    expect(lifecycleCostCompared({ techAdvantage: 'ライフサイクルコストで15%低い' })).toEqual([]);
    expect(
      lifecycleCostCompared({
        techAdvantage: '初期費用のみ比較',
        competitors: [{ maker: 'X社', product: 'Y', lccYen: 12_000_000 }],
      }),
    ).toEqual([]);
    expect(ids(lifecycleCostCompared({ techAdvantage: '初期費用が安い' }))).toEqual(['V-TEC-5']);
  });
  it('V-EFF-11: similar tech lists criteria with how each is met (a number alone is not enough)', () => {
    expect(eligibilityCriteriaListed(false, undefined)).toEqual([]);
    expect(eligibilityCriteriaListed(true, { choice: 'APPROVED', number: 'VN_AM006' })[0].ruleId).toBe(
      'V-EFF-11',
    );
    expect(
      eligibilityCriteriaListed(true, {
        choice: 'APPROVED',
        number: 'VN_AM006',
        eligibilityCriteria: [{ criterion: '要件1: COP ≥ 5.0', howMet: 'COP 6.1（カタログ）' }],
      }),
    ).toEqual([]);
  });
});

describe('7.8 procurement (V-PRC-1/2)', () => {
  const row = {
    kind: 'EQUIPMENT' as const,
    itemName: '冷凍機',
    supplierCountry: '日本',
    supplierCompany: '株式会社○○',
    fromConsortiumMember: true,
    hasConcurrentOfficer: false,
  };
  it('V-PRC-1: consortium-member supply ⇒ 利益等排除申告書 + 原価管理表等', () => {
    expect(
      consortiumProcurementDocs({ rows: [row], profitExclusionDeclaration: true, costEvidence: true }),
    ).toEqual([]);
    expect(ids(consortiumProcurementDocs({ rows: [row] }))).toEqual(['V-PRC-1', 'V-PRC-1']);
    expect(consortiumProcurementDocs({ rows: [{ ...row, fromConsortiumMember: false }] })).toEqual([]);
  });
  it('V-PRC-2: 兼職者 ⇒ details; A ⇒ 相見積比較表', () => {
    const r = { ...row, hasConcurrentOfficer: true };
    expect(
      concurrentOfficerDisclosure('A', {
        rows: [{ ...r, concurrentOfficerDetails: '取締役1名が兼任' }],
        marketPriceEvidence: true,
      }),
    ).toEqual([]);
    expect(ids(concurrentOfficerDisclosure('A', { rows: [r] }))).toEqual(['V-PRC-2', 'V-PRC-2']);
    expect(ids(concurrentOfficerDisclosure('B', { rows: [r] }))).toEqual(['V-PRC-2']);
    // Original 7(1): market-price evidence also for consortium-member supply without 兼職者 (DISCREPANCIES.md #7).
    expect(ids(concurrentOfficerDisclosure('A', { rows: [row] }))).toEqual(['V-PRC-2']);
    expect(concurrentOfficerDisclosure('A', { rows: [{ ...row, fromConsortiumMember: false }] })).toEqual([]);
  });
});

describe('7.10 schedule (V-SCH-1..3)', () => {
  const ms: ScheduleMilestone[] = [
    { id: 'loan', type: 'OTHER', plannedDate: '2024-08' },
    { id: 'order', type: 'ORDER', plannedDate: '2024-09-01', dependsOn: ['loan'] },
    { id: 'mfg', type: 'MANUFACTURE', plannedDate: '2024-12' },
    { id: 'ship', type: 'TRANSPORT', plannedDate: '2025-02' },
    { id: 'inst', type: 'INSTALLATION', plannedDate: '2025-05' },
    { id: 'comm', type: 'COMMISSIONING', plannedDate: '2025-08-20' },
    { id: 'pay', type: 'PAYMENT_COMPLETE', plannedDate: '2025-09-30', dependsOn: ['comm'] },
    { id: 'mon', type: 'MONITORING_START', plannedDate: '2025-09' },
  ];
  it('V-SCH-1: every main milestone present', () => {
    expect(scheduleMilestonesComplete(ms)).toEqual([]);
    expect(scheduleMilestonesComplete(ms.filter((m) => m.type !== 'TRANSPORT'))[0].message_ja).toContain(
      '輸送',
    );
  });
  it('V-SCH-2: completion = later of 試運転 and 支払完了; monitoring after commissioning; acyclic', () => {
    expect(scheduleConsistent(ms)).toEqual({ projectCompletion: '2025-09-30', findings: [] });
    const early = ms.map((m) => (m.id === 'mon' ? { ...m, plannedDate: '2025-07' } : m));
    expect(ids(scheduleConsistent(early).findings)).toEqual(['V-SCH-2']);
    const cyclic = ms.map((m) => (m.id === 'loan' ? { ...m, dependsOn: ['order'] } : m));
    expect(scheduleConsistent(cyclic).findings[0].message_en).toBe('Milestone dependencies form a cycle.');
    expect(
      scheduleConsistent([{ id: 'a', type: 'ORDER', plannedDate: '2024-09', dependsOn: ['zz'] }]).findings[0]
        .message_en,
    ).toContain('unknown "zz"');
  });
  it('V-SCH-3: 3-15 attached', () => {
    expect(detailedScheduleAttached([{ docRef: '3-15' }])).toEqual([]);
    expect(ids(detailedScheduleAttached([{ docRef: '3-01' }]))).toEqual(['V-SCH-3']);
  });
});

describe('7.11 docRefs (V-DOC-1/2)', () => {
  const all = Object.keys(FORM_A_ATTACHMENTS).map((docRef) =>
    docRef === '3-05' ? { docRef, parts: ['①', '②', '③'] } : { docRef },
  );
  it('V-DOC-1: 3-01 … 3-15 and 5-01; 3-02/3-03/3-04 may be N/A with a reason; 3-05 ①②③', () => {
    expect(Object.keys(FORM_A_ATTACHMENTS)).toHaveLength(16);
    expect(mandatoryAttachmentsPresent(all)).toEqual([]);
    expect(
      mandatoryAttachmentsPresent(
        all.map((a) =>
          a.docRef === '3-03' ? { docRef: '3-03', notApplicableReason: 'EIA対象外（現地法令）' } : a,
        ),
      ),
    ).toEqual([]);
    const f = mandatoryAttachmentsPresent([
      ...all.filter((a) => !['3-08', '3-05', '3-12', '3-02'].includes(a.docRef)),
      { docRef: '3-05', parts: ['①'] },
      { docRef: '3-12', notApplicableReason: 'なし' },
      { docRef: '3-02', notApplicableReason: '' },
    ]);
    expect(f.map((x) => x.message_en)).toEqual([
      'Give the reason 3-02 is not applicable.',
      'Attachment 3-05 lacks diagram(s) ②③.',
      'Attachment 3-08 (資金調達の確実性を示す資料) is missing.',
      'Attachment 3-12 cannot be marked not applicable.',
    ]);
  });
  it('V-EFF-10: an approved methodology (VN_AM006) needs its spreadsheet in 3-12', () => {
    expect(methodologySpreadsheetAttached('NONE', [])).toEqual([]);
    expect(
      methodologySpreadsheetAttached('APPROVED', [{ docRef: '3-12', parts: ['METHODOLOGY_SPREADSHEET'] }]),
    ).toEqual([]);
    expect(methodologySpreadsheetAttached('APPROVED', [{ docRef: '3-12' }])[0]).toMatchObject({
      ruleId: 'V-EFF-10',
      severity: 'error',
    });
  });
  it('V-DOC-2: a paragraph citing an attachment should carry 【書類番号 x-xx】 (info)', () => {
    expect(docRefsCited({ '3': '詳細は別紙『許認可等取得状況を示す資料【書類番号 3-02】』参照' })).toEqual(
      [],
    );
    expect(docRefsCited({ '4': '資金調達の確実性は別紙のとおり。' })[0]).toMatchObject({
      ruleId: 'V-DOC-2',
      severity: 'info',
    });
    expect(findingsFor(docRefsCited({ '1': '目的のみ' }), 'V-DOC-2')).toEqual([]);
  });
});
