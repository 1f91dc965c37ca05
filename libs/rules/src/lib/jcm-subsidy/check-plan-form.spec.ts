import { findingsFor, hasErrors } from '../shared/finding';
import { checkPlanForm, commercialisationAssumptionsStated, effectsChecked } from './check-plan-form';
import { JCM_SUBSIDY_FY2021_23 } from './jcm-subsidy-preset';
import { FORM_A_ATTACHMENTS } from './plan-form-documents';
import { PlanFormInput } from './plan-form.schema';

const contact = {
  name: '環境 太郎',
  deptAndTitle: '海外事業部 部長',
  address: '東京都千代田区',
  postalCode: '100-0001',
  phone: '03-0000-0000',
  email: 'taro@example.co.jp',
};
const sections = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), `＜${i + 1}＞ 記入あり`]));
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
const coApplicant = {
  name: 'PT. △△',
  contactResponsible: contact,
  profile: { name: 'PT. △△', established: '2015-01', businessDescription: '工場運営', employees: 300 },
  statementChecklist: checklist,
};

/** Form A built from the documents' examples: FX-01 (12,340 t × 8 y), FX-02 (¥298,765,000), FX-04 title, FX-07 milestones, FX-16 payback. */
const formA: PlanFormInput = {
  kind: 'A',
  titleJa: '○○国／○○州における〇MW 太陽光発電の導入',
  titleEn: 'OO / Introduction of 〇MW Solar PV in OO State',
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
  coApplicants: [coApplicant],
  sections: { ...sections(10), '3': '許認可は別紙『許認可等取得状況を示す資料【書類番号 3-02】』参照' },
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
  character: { risksUntilCompletion: '輸送遅延', risksDuringMrv: '計測機器故障', usesOdsRefrigerant: false },
  technology: {
    technologies: [
      {
        name: '太陽光発電',
        isSolarPv: true,
        solarConditionsStatement: '別添５の条件を満たす',
        similarTech: true,
        similarTechCategory: '太陽光発電',
      },
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
    technologies: [{ name: '太陽光発電', co2AnnualT: '12340', ghgAnnualT: '12340', usefulLifeYears: 8 }],
    subsidyYen: 298_765_000,
    priorSimilarProjects: 0,
    methodology: {
      choice: 'APPROVED',
      number: 'VN_AM006',
      eligibilityCriteria: [{ criterion: '変換効率', howMet: '21%（仕様書）' }],
    },
  },
  schedule: {
    milestones: [
      { id: 'order', type: 'ORDER', plannedDate: '2024-09' },
      { id: 'mfg', type: 'MANUFACTURE', plannedDate: '2024-12' },
      { id: 'ship', type: 'TRANSPORT', plannedDate: '2025-02' },
      { id: 'inst', type: 'INSTALLATION', plannedDate: '2025-05' },
      { id: 'comm', type: 'COMMISSIONING', plannedDate: '2025-08-20' },
      { id: 'pay', type: 'PAYMENT_COMPLETE', plannedDate: '2025-09-30' },
      { id: 'mon', type: 'MONITORING_START', plannedDate: '2025-09' },
    ],
  },
  attachments: Object.keys(FORM_A_ATTACHMENTS).map((docRef) =>
    docRef === '3-05'
      ? { docRef, parts: ['①', '②', '③'] }
      : docRef === '3-12'
        ? { docRef, parts: ['METHODOLOGY_SPREADSHEET'] }
        : docRef === '3-09'
          ? { docRef, fileFormat: 'xlsx' as const, parts: ['WITH_SUBSIDY', 'WITHOUT_SUBSIDY'] }
          : { docRef },
  ),
};

/** Form B from the documents' examples: FX-05 title, FX-03 (¥597,530,000 × 50%), FX-01 (12,340 × 8), FX-08 emission factors. */
const formB: PlanFormInput = {
  kind: 'B',
  titleJa: 'ベトナム・タイ / 高機能●システムの導入・実証',
  titleEn: 'Viet Nam, Thailand / Demonstration of ● system',
  lead: {
    nameJa: '株式会社○○',
    nameEn: 'OO Corp.',
    contactResponsible: contact,
    contactWindow: contact,
    fiscalPeriodsCompleted: 3,
    financials: rows,
    statementChecklist: checklist,
  },
  coApplicants: [coApplicant],
  sections: sections(9),
  background: '株式会社○○とPT. △△が協議した。',
  outline: 'あ'.repeat(400),
  renderedPages: 9,
  plan: {
    techBlocks: {
      countryContext: 'a',
      technologyAndDomesticUse: 'b',
      renovationAndDemoPlan: 'c',
      commercialisationOutlook: 'd',
    },
    kpis: [{ indicator: '省エネ率', targetValue: '30', unit: '%', basis: '国内実証' }],
    devSiteDiffersFromDemoSite: true,
    devSiteAddress: '大阪府',
    demoSiteAddress: 'ハノイ市',
  },
  funding: {
    sources: [
      {
        method: 'OWN_FUNDS',
        source: '株式会社○○',
        amountYen: 100_000_000,
        sharePct: '100',
        milestones: [{ milestone: 'タームシートの条件に合意', when: '2024-05-10', done: true }],
      },
    ],
    otherSubsidiesConsidered: false,
  },
  character: { sdgGoals: [7, 13] },
  procurement: { rows: [], selfProcurement: { included: false, itemNames: [] } },
  effects: {
    technologies: [{ name: '●システム', co2AnnualT: '12340', usefulLifeYears: 8 }],
    emissionFactors: [
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
    ],
    commercialisation: {
      eligibleCostYen: 597_530_000,
      ratePct: '50',
      projectScale: '1MW級',
      costBasis: '見積に基づく',
    },
  },
};

const P = JCM_SUBSIDY_FY2021_23;
const nonInfo = (fs: readonly { severity: string; ruleId: string }[]) =>
  fs.filter((f) => f.severity !== 'info').map((f) => f.ruleId);

describe('checkPlanForm (all plan-forms.md §7 rules)', () => {
  it('a complete Form A from the documents has no errors or warnings; only reviewer-judgement info', () => {
    const { findings } = checkPlanForm(formA, P);
    expect(nonInfo(findings)).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toEqual(['V-TEC-1']);
  });
  it('a complete Form B from the documents has no findings', () => {
    expect(checkPlanForm(formB, P).findings).toEqual([]);
  });
  it('Form A with defects reports each rule', () => {
    const bad: PlanFormInput = {
      ...formA,
      titleJa: '太陽光発電の導入',
      coApplicants: [],
      background: 'PT. △△が提案した。',
      sections: { ...formA.sections, '10': '' },
      renderedPages: 12,
      character: { risksUntilCompletion: '', risksDuringMrv: 'x', usesOdsRefrigerant: true },
      effects: {
        ...formA.effects,
        technologies: [{ name: '太陽光発電', co2AnnualT: '12340', ghgAnnualT: '900', usefulLifeYears: 8 }],
      },
      attachments: (formA.attachments ?? []).filter((a) => a.docRef !== '3-15'),
    };
    const ruleIds = new Set(checkPlanForm(bad, P).findings.map((f) => f.ruleId));
    for (const id of [
      'V-STR-1',
      'V-STR-2',
      'V-STR-3',
      'V-STR-4',
      'V-STR-6',
      'V-CHR-1',
      'V-CHR-2',
      'V-EFF-7',
      'R-EVAL-04',
      'V-SCH-3',
      'V-DOC-1',
    ])
      expect(ruleIds).toContain(id);
  });
  it('Form B with defects: rate 60% (FX-17), outline 950 chars (FX-18), SDG 18, self-procurement without names (FX-27)', () => {
    const bad: PlanFormInput = {
      ...formB,
      outline: 'あ'.repeat(950),
      character: { sdgGoals: [18] },
      procurement: { rows: [], selfProcurement: { included: true, itemNames: [] } },
      effects: {
        ...formB.effects,
        technologies: formB.effects?.technologies ?? [],
        commercialisation: { eligibleCostYen: 597_530_000, ratePct: '60', projectScale: '', costBasis: 'x' },
      },
    };
    const f = checkPlanForm(bad, P).findings;
    expect(f.map((x) => x.ruleId).sort()).toEqual(['V-CHR-4', 'V-EFF-6', 'V-EFF-6', 'V-PRC-3', 'V-STR-5']);
    expect(hasErrors(f)).toBe(true);
  });
  it('rejects malformed input through the zod schema', () => {
    expect(PlanFormInput.safeParse({ ...formA, kind: 'C' }).success).toBe(false);
    expect(() =>
      checkPlanForm(
        { ...formA, funding: { sources: [{ method: 'LOAN', source: 'x', amountYen: 1.5, sharePct: '10' }] } },
        P,
      ),
    ).toThrow();
  });
});

describe('effectsChecked (V-EFF-1..5, V-EFF-8)', () => {
  it('FX-01/FX-02: 12,340 × 8 = 98,720 t; ¥298,765,000 → CE 3,027 within ¥4,000', () => {
    const r = effectsChecked(PlanFormInput.parse(formA), P);
    expect(r).toEqual({ co2TotalT: '98720', ghgTotalT: '98720', findings: [] });
  });
  it('FX-12: multi-tech totals are sums of floored per-tech values (20,845)', () => {
    const v = PlanFormInput.parse({
      ...formA,
      effects: {
        technologies: [
          { name: 't1', co2AnnualT: '1234.9', ghgAnnualT: '1234.9', usefulLifeYears: 10 },
          { name: 't2', co2AnnualT: '567.8', ghgAnnualT: '567.8', usefulLifeYears: 15 },
        ],
      },
    });
    expect(effectsChecked(v, P).co2TotalT).toBe('20845');
  });
  it('FX-24: total 0 → V-EFF-5 error; useful life 0 → V-EFF-3', () => {
    const zero = PlanFormInput.parse({
      ...formA,
      effects: {
        ...formA.effects,
        technologies: [{ name: 't', co2AnnualT: '0', ghgAnnualT: '0', usefulLifeYears: 8 }],
      },
    });
    expect(findingsFor(effectsChecked(zero, P).findings, 'V-EFF-5')).toHaveLength(2);
    const life = PlanFormInput.parse({
      ...formA,
      effects: {
        ...formA.effects,
        technologies: [{ name: 't', co2AnnualT: '1', ghgAnnualT: '1', usefulLifeYears: 0 }],
      },
    });
    expect(effectsChecked(life, P).findings.map((f) => f.ruleId)).toEqual(['V-EFF-3']);
  });
  it('V-EFF-8: GHG CE above ¥4,000 (¥500,000,000 / 98,720 t = 5,064.83) is reported', () => {
    const v = PlanFormInput.parse({ ...formA, effects: { ...formA.effects, subsidyYen: 500_000_000 } });
    expect(effectsChecked(v, P).findings[0].message_en).toContain('5064.83');
  });
  it('V-EFF-6: B assumed scale and cost basis stated', () => {
    expect(
      commercialisationAssumptionsStated({
        eligibleCostYen: 597_530_000,
        projectScale: '1MW級',
        costBasis: '見積',
      }),
    ).toEqual([]);
    expect(
      commercialisationAssumptionsStated({ eligibleCostYen: 0, projectScale: '', costBasis: '' }),
    ).toHaveLength(3);
  });
});
