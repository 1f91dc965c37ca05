import type { TaxRounding } from '../shared/consumption-tax';
import { documentGap, type DocumentGap, type PresetValue } from '../shared/gap';
import type { Yen } from '../shared/money';

/** A work–life-balance certification (ワーク・ライフ・バランス等の認定). */
export type WlbCertification =
  | 'PLATINUM_ERUBOSHI'
  | 'ERUBOSHI_3'
  | 'ERUBOSHI_2'
  | 'ERUBOSHI_1'
  | 'ACTION_PLAN'
  | 'PLATINUM_KURUMIN'
  | 'KURUMIN_NEW'
  | 'KURUMIN_OLD'
  | 'YOUTH_YELL';

export type C3pSection1Criterion =
  | 'originality'
  | 'pastResults'
  | 'implementationStructure'
  | 'policyCooperation'
  | 'jcmFeasibility'
  | 'nonJcmFeasibility'
  | 'synergy';
export type C3pSection2Criterion = 'schedule' | 'managementEngineer' | 'organisationalSupport';

export interface C3pScoringTable {
  readonly section1: Readonly<Record<C3pSection1Criterion, number | null>>; // null = not scored for this kind
  readonly section2: Readonly<Record<C3pSection2Criterion, number>>;
  readonly fiscalStrengthBonus: number;
  readonly ems: number;
  readonly wlbMax: number;
  readonly ghgTarget: number;
  readonly total: number;
}

/** A versioned preset of the City-to-City Collaboration call (都市間連携事業 公募). */
export interface C3pCallPreset {
  readonly id: string;
  readonly source: string;
  readonly fiscalYear: number;
  readonly annualCapInclTaxYen: Yen;
  readonly consumptionTaxPercent: string;
  readonly taxRounding: TaxRounding;
  readonly outsourcingMaxShareOfDirectPlusIndirect: string;
  readonly generalAdminRate: PresetValue<string>;
  readonly equipmentMinPriceYen: Yen;
  readonly equipmentMinDurabilityYears: number;
  readonly yearsPerPhase: number;
  readonly maxPhases: number;
  readonly pairMaxTotalYears: number; // 7年以上は認めない → 6
  readonly pairResetGapYears: number; // 中断期間が6年以上 → 新規
  readonly phase2NoveltyHigherBarForPhase1FinalFiscalYear: number;
  readonly unifiedQualification: {
    readonly grades: readonly string[];
    readonly category: string;
    readonly subCategory: string;
    readonly validity: string;
  };
  readonly jcmPartnerCountries: readonly string[];
  readonly candidateCountries: readonly string[];
  readonly scoring: { readonly NEW: C3pScoringTable; readonly CONTINUING: C3pScoringTable };
  readonly fiscalStrengthThresholds: { readonly prefectureBelow: string; readonly municipalityBelow: string };
  readonly wlbPoints: Readonly<Record<WlbCertification, number>>;
  readonly wlbActionPlanMaxEmployees: number;
  readonly reportMeetingsPerYear: number;
  readonly settlementReportsPerYear: number;
  readonly monthlyReportDueDay: PresetValue<number>;
  readonly meetingAndSettlementDates: DocumentGap;
}

const SRC = 'city-partnerships.md / 都市間連携ガイドブック 2025年度改訂版 (seeds/004)';

const S2 = { schedule: 5, managementEngineer: 5, organisationalSupport: 5 } as const;

// city-partnerships.md §2 / ガイドブック §2.1, §3.2–§3.4, 表5, 表6 (令和8年度1次公募, 2026-02-02).
/** C3P, FY2026 first call (令和8年度 脱炭素社会実現のための都市間連携事業 1次公募). */
export const C3P_FY2026_CALL1: C3pCallPreset = {
  id: 'C3P_FY2026_CALL1',
  source: SRC,
  fiscalYear: 2026,
  annualCapInclTaxYen: 20_000_000,
  consumptionTaxPercent: '10',
  // The guidebook states 10% but no rounding; floor follows city-partnerships.md §7.1 B3 [I].
  taxRounding: 'floor',
  outsourcingMaxShareOfDirectPlusIndirect: '0.5',
  generalAdminRate: documentGap(
    '一般管理費 is "a fixed rate allowed at contracting"; the rate is not published.',
    'city-partnerships.md §2.8 / ガイドブック 表5',
  ),
  equipmentMinPriceYen: 200_000,
  equipmentMinDurabilityYears: 2,
  yearsPerPhase: 3,
  maxPhases: 2,
  pairMaxTotalYears: 6,
  pairResetGapYears: 6,
  phase2NoveltyHigherBarForPhase1FinalFiscalYear: 2025,
  unifiedQualification: {
    grades: ['A', 'B', 'C', 'D'],
    category: '役務の提供等',
    subCategory: '調査・研究',
    validity: '令和07・08・09年度',
  },
  jcmPartnerCountries: [
    'MN',
    'BD',
    'ET',
    'KE',
    'MV',
    'VN',
    'LA',
    'ID',
    'CR',
    'PW',
    'KH',
    'MX',
    'SA',
    'CL',
    'MM',
    'TH',
    'PH',
    'SN',
    'TN',
    'AZ',
    'MD',
    'GE',
    'LK',
    'UZ',
    'PG',
    'AE',
    'KG',
    'KZ',
    'UA',
    'TZ',
    'IN',
  ],
  candidateCountries: ['BR', 'MY'],
  scoring: {
    NEW: {
      section1: {
        originality: 40,
        pastResults: null,
        implementationStructure: 30,
        policyCooperation: 20,
        jcmFeasibility: 30,
        nonJcmFeasibility: 20,
        synergy: 10,
      },
      section2: S2,
      fiscalStrengthBonus: 10,
      ems: 5,
      wlbMax: 5,
      ghgTarget: 15,
      total: 200,
    },
    CONTINUING: {
      section1: {
        originality: 20,
        pastResults: 20,
        implementationStructure: 30,
        policyCooperation: 20,
        jcmFeasibility: 30,
        nonJcmFeasibility: 20,
        synergy: 10,
      },
      section2: S2,
      fiscalStrengthBonus: 10,
      ems: 5,
      wlbMax: 5,
      ghgTarget: 15,
      total: 200,
    },
  },
  fiscalStrengthThresholds: { prefectureBelow: '0.40', municipalityBelow: '0.51' },
  wlbPoints: {
    PLATINUM_ERUBOSHI: 5,
    ERUBOSHI_3: 4,
    ERUBOSHI_2: 3,
    ERUBOSHI_1: 2,
    ACTION_PLAN: 1,
    PLATINUM_KURUMIN: 4,
    KURUMIN_NEW: 3,
    KURUMIN_OLD: 2,
    YOUTH_YELL: 4,
  },
  wlbActionPlanMaxEmployees: 300,
  reportMeetingsPerYear: 3,
  settlementReportsPerYear: 2,
  monthlyReportDueDay: documentGap(
    'The guidebook requires a monthly report but states no due day.',
    'city-partnerships.md §2.5 ② / §6.5',
  ),
  meetingAndSettlementDates: documentGap(
    'Report meetings (契約締結時・中間・最終) and settlements (年2回程度) have no dates; Fig. 12 is an image.',
    'city-partnerships.md §2.5 ③ / §8',
  ),
};
