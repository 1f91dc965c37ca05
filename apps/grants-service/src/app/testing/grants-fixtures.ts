import { randomUUID } from 'crypto';
import { ApplicationContent, CreateGrantCallCommand } from '@jcm/contracts';
import { FORM_A_ATTACHMENTS } from '@jcm/rules';

// Form A built from the documents' examples (libs/rules check-plan-form.spec.ts: FX-01, FX-04, FX-07, FX-16), with a
// Thai PV + chiller project so the call preset decides the caps: 別添3 TH SOLAR_PV = 15 (→ 30 %, ¥2,500/t).
const contact = {
  name: '環境 太郎',
  deptAndTitle: '海外事業部 部長',
  address: '東京都千代田区',
  postalCode: '100-0001',
  phone: '03-0000-0000',
  email: 'taro@example.co.jp',
};
const sections = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [String(i + 1), `＜${i + 1}＞ 記入あり`]),
);
const rows = [
  { periodEnd: '2023-03', netAssetsMillionYen: '120', debtRatioValue: '2.0' },
  { periodEnd: '2022-03', netAssetsMillionYen: '110', debtRatioValue: '2.1' },
  { periodEnd: '2021-03', netAssetsMillionYen: '100', debtRatioValue: '2.2' },
];
const checklist = {
  auditedStatements: true,
  auditReportStatesStandard: true,
  standaloneAndConsolidated: true,
  isSubsidiary: false,
  cashFlowStatement: true,
  cashFlowStatementLegallyRequired: true,
};

export const CALL_WINDOW = { opensAt: '2026-04-07T00:00:00+09:00', closesAt: '2026-10-29T12:00:00+09:00' };
export const INSIDE_WINDOW = new Date('2026-06-01T03:00:00Z');
export const AFTER_WINDOW = new Date('2026-10-29T03:00:01Z');

export function jcmCall(reviewers: string[], budgetYen = 1_000_000_000): CreateGrantCallCommand {
  return {
    fiscalYear: 2026,
    titleJa: '令和8年度 JCM設備補助事業 公募',
    titleEn: 'FY2026 JCM Model Projects call',
    presetId: 'JCM_SUBSIDY_FY2021_23',
    overrides: { similarProjectCounts: { CHILLER: { TH: 5 } } },
    ...CALL_WINDOW,
    budgetYen,
    reviewerUserIds: reviewers,
  };
}

export function consortium(representativeOrgId: string, thaiOrgId: string) {
  return [
    {
      orgId: representativeOrgId,
      role: 'REPRESENTATIVE' as const,
      nameJa: '株式会社○○',
      nameEn: 'OO Corp.',
      country: 'JP',
      isLeasingCompany: false,
    },
    {
      orgId: thaiOrgId,
      role: 'CO_IMPLEMENTER' as const,
      nameJa: 'PT. △△',
      nameEn: 'PT. △△',
      country: 'TH',
      isLeasingCompany: false,
    },
  ];
}

/** PV 12,340 t/y × 8 y at ¥300,000,000 (30 % of ¥1bn) = ¥3,039/t: above the ¥2,500/t of a 15-project country. */
export function thaiPvChiller(pvAnnualT = '12340'): ApplicationContent {
  return {
    form: {
      titleJa: 'タイ王国／バンコク都における工場への太陽光発電及び高効率冷凍機の導入',
      titleEn: 'Thailand / Introduction of Solar PV and High-efficiency Chillers to Factories in Bangkok',
      lead: {
        nameJa: '株式会社○○',
        nameEn: 'OO Corp.',
        contactResponsible: contact,
        contactWindow: contact,
        fiscalPeriodsCompleted: 3,
        financials: rows,
        managementImprovementPlan: false,
        statementChecklist: checklist,
      },
      coApplicants: [
        {
          name: 'PT. △△',
          contactResponsible: contact,
          profile: {
            name: 'PT. △△',
            established: '2015-01',
            businessDescription: '工場運営',
            employees: 300,
          },
          statementChecklist: checklist,
        },
      ],
      sections: { ...sections, '3': '許認可は別紙『許認可等取得状況を示す資料【書類番号 3-02】』参照' },
      background: '株式会社○○とPT. △△が協議し本事業を立案した。',
      renderedPages: 10,
      businessForms: { forms: ['ELEC_HEAT_SELF_CONSUMPTION'] },
      plan: {
        equipmentOwner: 'PT. △△',
        soleOwner: true,
        consortiumDraftIncludesDiagram: true,
        consortiumDraftUnsigned: true,
        coApplicantDecisionIsPlanAgreement: true,
        monitoringPoints: [
          {
            item: '発電量',
            deviceLocation: '受電盤',
            accuracy: '±0.5%',
            frequency: '連続',
            dataCollectionStorage: '月次保存',
            criterion: ['SPEC_OR_CERTIFIED'],
          },
        ],
      },
      funding: {
        sources: [
          {
            method: 'LOAN',
            source: '○○銀行',
            amountYen: 600_000_000,
            sharePct: '60',
            interestRatePct: '1.2',
            repaymentPeriod: '10年',
            collateralOrGuarantee: '親会社保証',
            milestones: [
              {
                milestone: 'タームシートの条件に合意',
                when: '2024-05-10',
                done: true,
                evidenceDocRef: '3-07-01',
              },
              { milestone: '融資契約の締結', when: '2024-08', done: false },
            ],
          },
          { method: 'OWN_FUNDS', source: '株式会社○○', amountYen: 400_000_000, sharePct: '40' },
        ],
        otherSubsidiesConsidered: false,
        publicFinanceLinked: false,
        paybackWithoutSubsidyYears: '7.6',
        paybackWithSubsidyYears: '4.6',
        irrWithoutSubsidyPct: '8.14',
        irrWithSubsidyPct: '21.4',
      },
      character: {
        risksUntilCompletion: '輸送遅延',
        risksDuringMrv: '計測機器故障',
        usesOdsRefrigerant: false,
      },
      technology: {
        technologies: [
          {
            name: '太陽光発電',
            isSolarPv: true,
            solarConditionsStatement: '別添５の条件を満たす',
            similarTech: true,
            similarTechCategory: '太陽光発電',
          },
          { name: '高効率冷凍機', isSolarPv: false, similarTech: true, similarTechCategory: '冷凍機' },
        ],
        referenceIsExistingEquipment: false,
        referenceComparison: '変換効率 21% vs 17%',
        techAdvantage: 'ライフサイクルコストで比較',
        diffusionOutlook: '海外展開戦略（環境）及びインフラシステム海外展開戦略２０２５に沿う。',
      },
      procurement: {
        rows: [
          {
            kind: 'EQUIPMENT',
            itemName: 'PVモジュール',
            supplierCountry: '日本',
            supplierCompany: '株式会社□□',
            fromConsortiumMember: false,
            hasConcurrentOfficer: false,
          },
        ],
      },
      effects: {
        technologies: [
          { name: '太陽光発電', co2AnnualT: pvAnnualT, ghgAnnualT: pvAnnualT, usefulLifeYears: 8 },
          { name: '高効率冷凍機', co2AnnualT: '3000', ghgAnnualT: '3000', usefulLifeYears: 15 },
        ],
        methodology: {
          choice: 'APPROVED',
          number: 'TH_AM006',
          eligibilityCriteria: [{ criterion: '変換効率', howMet: '21%（仕様書）' }],
        },
      },
      schedule: {
        milestones: [
          { id: 'order', type: 'ORDER', plannedDate: '2026-09' },
          { id: 'mfg', type: 'MANUFACTURE', plannedDate: '2026-12' },
          { id: 'ship', type: 'TRANSPORT', plannedDate: '2027-02' },
          { id: 'inst', type: 'INSTALLATION', plannedDate: '2027-05' },
          { id: 'comm', type: 'COMMISSIONING', plannedDate: '2027-08-20' },
          { id: 'pay', type: 'PAYMENT_COMPLETE', plannedDate: '2027-09-30' },
          { id: 'mon', type: 'MONITORING_START', plannedDate: '2027-09' },
        ],
      },
    },
    technologies: [
      {
        technologyId: 'SOLAR_PV',
        nameJa: '太陽光発電',
        nameEn: 'Solar PV',
        country: 'TH',
        eligibleCostYen: 1_000_000_000,
        annualReductionT: pvAnnualT,
        usefulLifeYears: 8,
      },
      {
        technologyId: 'CHILLER',
        nameJa: '高効率冷凍機',
        nameEn: 'High-efficiency chiller',
        country: 'TH',
        eligibleCostYen: 200_000_000,
        annualReductionT: '3000',
        usefulLifeYears: 15,
      },
    ],
    costs: { constructionYen: 300_000_000, equipmentYen: 880_000_000, adminYen: 20_000_000 },
    attachments: Object.keys(FORM_A_ATTACHMENTS).map((docRef) => ({
      docRef,
      fileId: randomUUID(),
      ...(docRef === '3-05'
        ? { parts: ['①', '②', '③'] }
        : docRef === '3-12'
          ? { parts: ['METHODOLOGY_SPREADSHEET'] }
          : docRef === '3-09'
            ? { fileFormat: 'xlsx' as const, parts: ['WITH_SUBSIDY', 'WITHOUT_SUBSIDY'] }
            : {}),
    })),
  };
}

export const ALL_PASS = (pass = true) =>
  [
    'APPLICANT_REQUIREMENTS',
    'RELIABLE_GHG_REDUCTION',
    'LEADING_TECH_NOT_FOSSIL_POWER',
    'TECH_SUPERIORITY_AND_ANNEX5',
    'NOT_WIDESPREAD_IN_COUNTRY',
    'COMMERCIALLY_PROVEN',
    'DIFFUSION_POTENTIAL',
    'SUSTAINABLE_DEVELOPMENT_ENV_LAW',
    'METHODOLOGY_AND_MONITORING',
    'COST_ESTIMATE_APPROPRIATE',
    'STRATEGY_CONSISTENCY',
    'SDGS_AND_GENDER_GUIDELINE',
    'ODA_SCOPE_SEPARATED',
    'NO_OTHER_JAPANESE_SUBSIDY',
  ].map((item, i) => ({
    item,
    pass: pass || i !== 4,
    note: '確認済み',
  }));

export const SHEET = { A1: 8, A2: 7, B1: 8, B2: 9, B3: 6, C: 20, D: 18, E: 5 };
