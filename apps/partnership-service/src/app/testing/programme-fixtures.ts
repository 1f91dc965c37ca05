import { BudgetLine, C3pPresetId, CreateProposalRequest, EligibilityDeclarations, LetterFileUpload, ScoreProposalCommand } from '@jcm/contracts';

/** Fixture B4/B5 (city-partnerships.md §7.1): ¥18,150,000 + 10% tax = ¥19,965,000, outsourcing exactly ½. */
export const B5_BUDGET: BudgetLine[] = [
  { category: '人件費', amountYen: 6_000_000 },
  { category: '外国旅費', amountYen: 3_000_000 },
  { category: '会議費', amountYen: 500_000 },
  { category: '雑役務費', amountYen: 1_500_000, note: '通訳・翻訳' },
  { category: '外注費', amountYen: 6_050_000, note: '現地コンサルタント' },
  { category: '一般管理費', amountYen: 1_100_000 },
];
export const B5_TOTAL_YEN = 19_965_000;

/** B4: one yen more outsourcing than ½ of direct + indirect. */
export const OVER_HALF_OUTSOURCING: BudgetLine[] = B5_BUDGET.map((l) => (l.category === '外注費' ? { ...l, amountYen: 6_050_001 } : l));

export const ELIGIBLE: EligibilityDeclarations = {
  hasLegalPersonality: true,
  fallsUnderBudgetOrderArticle70: false,
  fallsUnderBudgetOrderArticle71: false,
  underNominationSuspension: false,
  antiOrganisedCrimePledge: true,
  unifiedQualification: { grade: 'A', category: '役務の提供等', subCategory: '調査・研究' },
  cityAgreement: 'CONCLUDED',
};

/** A continuing phase-2 year-2 proposal for an existing pair (FY2026 1st call). */
export function continuingProposal(callId: string, partnershipId: string, overrides: Partial<CreateProposalRequest> = {}) {
  return {
    callId,
    kind: 'CONTINUING' as const,
    partnershipId,
    otherMemberOrgIds: [],
    phase: 2,
    yearInPhase: 2,
    fiscalYear: 2026,
    pairHistoryFiscalYears: [2022, 2023, 2024, 2025],
    titleJa: 'バンコク気候変動マスタープランに基づくGHGネットゼロ実現加速化（令和8年度）',
    titleEn: 'Accelerating GHG net zero under the Bangkok Climate Change Master Plan (FY2026)',
    targetFields: ['energy-efficiency', 'waste'] as CreateProposalRequest['targetFields'],
    summaryJa: '廃棄物発電と省エネの案件形成を継続する。',
    summaryEn: 'Continue forming waste-to-energy and energy-efficiency projects.',
    eligibility: ELIGIBLE,
    requestedYen: B5_TOTAL_YEN,
    budgetLines: B5_BUDGET,
    ...overrides,
  };
}

/** Full continuing-table marks (§7.3 S2): 200 with a 財政力指数 bonus municipality. */
export function fullContinuingScore(id: string): ScoreProposalCommand {
  return {
    id,
    themeNovelty: 'SOME',
    score: {
      section1: { originality: 20, pastResults: 20, implementationStructure: 30, policyCooperation: 20, jcmFeasibility: 30, nonJcmFeasibility: 20, synergy: 10 },
      section2: { schedule: 5, managementEngineer: 5, organisationalSupport: 5 },
      municipality: { kind: 'MUNICIPALITY', fiscalStrengthIndex: '0.50' },
      ems: { currentlyCertified: true, previouslyCertified: true, currentInHouseEms: true },
      wlb: { certifications: ['PLATINUM_ERUBOSHI'] },
      ghgTargetPoints: 15,
    },
  };
}

export const CALL_FY2026 = (opensOn: string, closesOn: string) => ({
  fiscalYear: 2026,
  round: 1,
  titleJa: '令和8年度脱炭素社会実現のための都市間連携事業委託業務1次公募',
  titleEn: 'FY2026 City-to-City Collaboration for Zero-Carbon Society, 1st call',
  presetId: 'C3P_FY2026_CALL1' as C3pPresetId,
  opensOn,
  closesOn,
  monthlyReportDueDay: 10,
});

const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const pdf = (filename: string): LetterFileUpload => ({ filename, mediaType: 'application/pdf', contentBase64: PDF_BYTES.toString('base64') });
export const notReallyPng = (): LetterFileUpload => ({ filename: 'x.png', mediaType: 'image/png', contentBase64: PDF_BYTES.toString('base64') });

/** Today ± days as 'YYYY-MM-DD' (the call window must contain the real clock for submission). */
export function dayOffset(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
